import ArgumentParser
import SimwatchControl
import SimwatchCtlKit

struct TestNotifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-notify",
        abstract: "Send a test reminder through a channel now.",
        discussion: """
            Goes straight to the channel (not through the reminder queue) and waits for it. Exits 1 when the \
            channel failed to deliver, with its reason.

            Examples:
              simwatchctl test-notify journal
              simwatchctl test-notify mail --line fr-holiday
              journalctl --user -u simwatch SIMWATCH_KIND=test -n 1
            """
    )

    @Argument(help: ArgumentHelp("The channel: journal, or a name from [channels.NAME].", valueName: "channel"))
    var channel: String

    @Option(name: .long, help: ArgumentHelp("Fill the reminder with this line's figures.", valueName: "line"))
    var line: String?

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let session = try options.connect(timeout: 60)
        let parameters = TestNotification.Parameters(channel: channel, line: line)
        let (reply, raw) = try session.call(TestNotification.self, parameters)
        options.printReply(raw) { ActionView.testNotification(reply, channel: channel) }
    }
}
