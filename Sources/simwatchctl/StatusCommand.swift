import ArgumentParser
import SimwatchControl
import SimwatchCtlKit
import SimwatchModel

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "The daemon: version, uptime, configuration, last poll, reminders, and the alerts firing.",
        discussion: """
            Exits 0 when no alert is firing and 1 when any is, so it can drive a shell prompt or a monitoring \
            check; 3 when simwatchd is not running, 2 for other errors. When simwatchd cannot be reached and the \
            configuration file does not exist yet (a first start), it says where to copy the example from.

            Examples:
              simwatchctl status
              simwatchctl status --json | jq '.firing[].rule'
              simwatchctl status >/dev/null || echo "a plan needs attention"
            """
    )

    @OptionGroup var options: GlobalOptions

    func run() throws {
        try finish(Self.run(options.common))
    }

    /// The command itself, shared with `StatusShortcut`'s path past the argument parser; returns the exit status.
    static func run(_ options: CommonOptions) throws(CtlFailure) -> ExitStatus {
        let reply: GetStatus.Reply
        let raw: JSONValue
        do {
            (reply, raw) = try options.connect().call(GetStatus.self)
        } catch {
            throw options.withFirstStartAdvice(error)
        }
        options.printReply(raw) { StatusView.render(reply, context: options.viewContext(daemonNow: reply.now)) }
        return StatusView.exitStatus(reply)
    }
}
