import SimwatchCore

/// Collects diagnostics while a configuration is decoded, so one run reports every mistake.
final class DiagnosticSink {
    let file: String
    private(set) var items: [ConfigDiagnostic] = []

    init(file: String) {
        self.file = file
    }

    func add(line: Int?, context: String, message: String, hint: String? = nil) {
        items.append(ConfigDiagnostic(file: file, line: line, context: context, message: message, hint: hint))
    }

    func add(_ diagnostic: ConfigDiagnostic) {
        items.append(diagnostic)
    }
}
