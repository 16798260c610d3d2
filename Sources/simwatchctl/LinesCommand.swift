import ArgumentParser
import SimwatchControl
import SimwatchCtlKit

struct LinesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lines",
        abstract: "Every line: data left, expiry, state and last poll.",
        discussion: """
            STATE is "ok", the ids of the rules firing (coloured by severity), "error" when the last poll failed, \
            or "stale" when no reading succeeded for three poll intervals.

            Examples:
              simwatchctl lines
              simwatchctl lines --json | jq -r '.lines[] | "\\(.id) \\(.reading.remaining_bytes)"'
            """
    )

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let session = try options.connect()
        let (reply, raw) = try session.call(ListLines.self)
        if options.json {
            print(raw)
            return
        }
        // Severities colour the firing rules; without them (an older daemon, an error) they show as warnings.
        let firing = (try? session.call(GetStatus.self).0.firing) ?? []
        let severities = Dictionary(
            firing.map { ("\($0.line)/\($0.rule)", $0.severity) },
            uniquingKeysWith: { first, _ in first }
        )
        Terminal.print(
            LinesView.render(reply.lines, severities: severities, context: options.viewContext(daemonNow: reply.now))
        )
    }
}
