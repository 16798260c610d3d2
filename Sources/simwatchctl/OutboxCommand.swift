import ArgumentParser
import SimwatchControl
import SimwatchCtlKit

struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "List reminders waiting, sent or given up, per channel.",
        discussion: """
            Newest first. Reminders that failed show their last error. Exits 1 when a listed reminder was given \
            up (dead): still failing after its channel's give_up_after, or refused for good.

            Examples:
              simwatchctl outbox --dead
              simwatchctl outbox --pending --channel mail
            """
    )

    @Flag(help: "Only those waiting or being retried.") var pending = false
    @Flag(help: "Only those given up.") var dead = false
    @Flag(help: "Only those delivered.") var sent = false

    @Option(name: .long, help: ArgumentHelp("Only this channel's.", valueName: "channel"))
    var channel: String?

    @Option(name: .long, help: ArgumentHelp("At most this many (1...1000).", valueName: "n"))
    var limit = 50

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        guard [pending, dead, sent].filter({ $0 }).count <= 1 else {
            throw ValidationError("give at most one of --pending, --dead and --sent")
        }
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be 1...1000") }
    }

    func run() throws {
        let session = try options.connect()
        let state = pending ? "pending" : dead ? "dead" : sent ? "sent" : nil
        let (reply, raw) = try session.call(
            ListOutbox.self,
            ListOutbox.Parameters(state: state, channel: channel, limit: limit)
        )
        options.printReply(raw) { OutboxView.lines(reply, context: options.viewContext(daemonNow: reply.now)) }
        try finish(OutboxView.status(reply))
    }
}
