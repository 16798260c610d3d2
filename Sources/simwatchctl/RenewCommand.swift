import ArgumentParser
import SimwatchControl
import SimwatchCtlKit
import SimwatchModel

struct RenewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renew",
        abstract: "Record a renewal or top-up: a new plan period starting now.",
        discussion: """
            Ends the line's data and expiry alerts, sends a "renewed" notice, and reads the line again. Give the \
            new data with --data and the validity with --valid or --expires; without either, the validity in the \
            configuration applies (valid_for, or the monthly renewal day).

            Examples:
              simwatchctl renew fr-holiday --data 20GB --valid 30d
              simwatchctl renew fr-holiday --data 5GB --expires "2026-12-31 23:59"
              simwatchctl renew de-monthly --data 10GB
            """
    )

    @Argument(help: ArgumentHelp("The line's id.", valueName: "line"))
    var line: String

    @Option(name: .long, help: ArgumentHelp("The new plan's data.", valueName: "size"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("How long the new plan lasts.", valueName: "duration"))
    var valid: String?

    @Option(name: .long, help: ArgumentHelp("When the new plan expires.", valueName: "time"))
    var expires: String?

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if valid != nil && expires != nil { throw ValidationError("give --valid or --expires, not both") }
        if data == nil && valid == nil && expires == nil {
            throw ValidationError("give the new plan: --data SIZE and/or --valid DURATION or --expires TIME")
        }
    }

    func run() throws {
        try options.callWithTimes(Renew.self, parameters) { reply, context in
            ActionView.renew(reply.plan, line: line, context: context)
        }
    }

    /// The call's parameters, times read on `context`'s clock (the daemon's under the demo's time_scale).
    private func parameters(in context: ViewContext) throws(CtlFailure) -> Renew.Parameters {
        var parameters = Renew.Parameters(line: line)
        parameters.dataBytes = try OptionValue.bytes(data, "--data")
        parameters.validSeconds = try OptionValue.duration(valid, "--valid")?.seconds
        parameters.expiresAt = try OptionValue.timestamp(expires, "--expires", in: context)
        return parameters
    }
}
