import ArgumentParser
import SimwatchControl
import SimwatchCtlKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "One line in detail: plan, reading, forecast, rules and alerts, recent history.",
        discussion: """
            Examples:
              simwatchctl show fr-holiday
              simwatchctl show fr-holiday --entries 30
              simwatchctl show fr-holiday --json | jq .line.forecast
            """
    )

    @Argument(help: ArgumentHelp("The line's id, as in `simwatchctl lines`.", valueName: "line"))
    var line: String

    @Option(name: .long, help: ArgumentHelp("History entries to show, newest first.", valueName: "n"))
    var entries = 10

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        guard entries >= 0 else { throw ValidationError("--entries must not be negative") }
    }

    func run() throws {
        let session = try options.connect()
        let (reply, raw) = try session.call(GetLine.self, LineParameters(line: line))
        options.printReply(raw) {
            LineDetailView.render(reply.line, context: options.viewContext(daemonNow: reply.now), historyLimit: entries)
        }
    }
}
