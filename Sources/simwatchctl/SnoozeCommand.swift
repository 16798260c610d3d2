import ArgumentParser
import FoundationEssentials
import SimwatchControl
import SimwatchCtlKit
import SimwatchModel

struct SnoozeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snooze",
        abstract: "Hold back the reminders of a line's rule (or all its rules) until a time.",
        discussion: """
            The alerts keep their state; only reminders wait. A reminder that fell due during the snooze goes out \
            when it ends. Give --until or --for.

            TIME: "2026-12-01 09:00" or "2026-12-01" (local time), RFC 3339 ("2026-12-01T09:00:00+01:00"), \
            "tomorrow" (09:00), "tomorrow 18:30", a weekday ("monday": the next one, at 09:00), "fri 8am", \
            "18:30" (today, or tomorrow if past), "in 2d". DURATION: 12h, 2d, 1d12h, 1w.

            Examples:
              simwatchctl snooze fr-holiday low-data --until monday
              simwatchctl snooze fr-holiday --for 2d
              simwatchctl snooze fr-holiday expiring --until "2026-12-01 09:00"
            """
    )

    @Argument(help: ArgumentHelp("The line's id.", valueName: "line"))
    var line: String

    @Argument(help: ArgumentHelp("The rule's id (default: every rule of the line).", valueName: "rule"))
    var rule: String?

    @Option(name: .long, help: ArgumentHelp("Until when.", valueName: "time"))
    var until: String?

    @Option(name: .customLong("for"), help: ArgumentHelp("For how long.", valueName: "duration"))
    var duration: String?

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        guard (until == nil) != (duration == nil) else {
            throw ValidationError("give either --until TIME or --for DURATION")
        }
    }

    func run() throws {
        try options.callWithTimes(Snooze.self, parameters) { reply, context in
            ActionView.snooze(reply.alerts, context: context)
        }
    }

    /// The call's parameters, the end read on `context`'s clock.
    private func parameters(in context: ViewContext) throws(CtlFailure) -> Snooze.Parameters {
        Snooze.Parameters(line: line, rule: rule, until: try end(in: context).iso8601(in: context.time.zone))
    }

    /// The end of the snooze on `context`'s clock (the daemon's, which runs faster under the demo's time_scale).
    private func end(in context: ViewContext) throws(CtlFailure) -> Date {
        let time = context.time
        let end: Date
        if let at = try OptionValue.time(until, "--until", in: context) {
            end = at
        } else {
            // Without --until, `validate` saw --for: the duration is never absent here.
            end = time.now + (try OptionValue.duration(duration ?? "", "--for") ?? .zero)
        }
        guard end > time.now else { throw CtlFailure("--until: \(time.absolute(end)) is already past") }
        return end
    }
}
