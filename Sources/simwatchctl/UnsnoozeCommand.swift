import ArgumentParser
import SimwatchControl
import SimwatchCtlKit

struct UnsnoozeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unsnooze",
        abstract: "End a snooze; a reminder that is due goes out at once.",
        discussion: """
            Examples:
              simwatchctl unsnooze fr-holiday low-data
              simwatchctl unsnooze fr-holiday
            """
    )

    @Argument(help: ArgumentHelp("The line's id.", valueName: "line"))
    var line: String

    @Argument(help: ArgumentHelp("The rule's id (default: every rule of the line).", valueName: "rule"))
    var rule: String?

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let session = try options.connect()
        let (reply, raw) = try session.call(Unsnooze.self, Unsnooze.Parameters(line: line, rule: rule))
        options.printReply(raw) { ActionView.snooze(reply.alerts, context: options.viewContext()) }
    }
}
