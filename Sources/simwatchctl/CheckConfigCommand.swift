import ArgumentParser
import Glibc
import SimwatchCtlKit
import SimwatchModel

/// `simwatchctl check-config` is `simwatchd --check-config`: the daemon's own loader judges the file, so the two can
/// never disagree, and simwatchctl carries no TOML parser. simwatchd is looked for beside simwatchctl, then on PATH.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Check a configuration file without the daemon.",
        discussion: """
            The same checks simwatchd makes at start and on reload (it runs `simwatchd --check-config`): a summary \
            on stdout and exit 0, or every problem with its line on stderr and exit 1. The default file is \
            simwatchd's: $XDG_CONFIG_HOME/simwatch/config.toml, else ~/.config/simwatch/config.toml.

            With --json: {"path": ..., "ok": true, "lines": [{"id", "name", "provider", "rules"}]} or \
            {"path": ..., "ok": false, "problems": [...]}.

            Examples:
              simwatchctl check-config
              simwatchctl check-config ~/new-config.toml && cp ~/new-config.toml ~/.config/simwatch/config.toml
            """
    )

    @Argument(help: ArgumentHelp("The file (default: simwatchd's).", valueName: "file"))
    var file: String?

    @OptionGroup var options: GlobalOptions

    func run() throws {
        var arguments = ["simwatchd", "--check-config"]
        if let file { arguments += ["--config", file] }
        if options.json { arguments.append("--json") }
        for candidate in Self.candidates() {
            Self.exec(candidate, arguments)  // returns only when it could not run
        }
        StandardError.write(
            "simwatchctl: check-config runs simwatchd --check-config, and simwatchd was found neither beside "
                + "simwatchctl nor on PATH; install simwatchd (make install) or put it on PATH\n"
        )
        throw ExitCode(69)
    }

    /// simwatchd beside this simwatchctl (an installed pair), then every PATH entry.
    static func candidates() -> [String] {
        var out: [String] = []
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if count > 0 {
            let exe = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if let slash = exe.lastIndex(of: "/") { out.append(String(exe[..<slash]) + "/simwatchd") }
        }
        if let path = getenv("PATH") {
            for directory in String(cString: path).split(separator: ":") where !directory.isEmpty {
                out.append(directory + "/simwatchd")
            }
        }
        return out
    }

    /// Replaces this process with simwatchd; returns when that is not possible.
    static func exec(_ path: String, _ arguments: [String]) {
        guard access(path, X_OK) == 0 else { return }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        execv(path, &argv)
        for pointer in argv { free(pointer) }
    }
}
