import ArgumentParser
import SimwatchControl
import SimwatchCtlKit
import SimwatchModel

struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a reading by hand, e.g. from the operator's app or an SMS.",
        discussion: """
            The reading (source "manual") is judged like any poll: alerts fire or resolve at once. Give at least \
            one figure. Sizes: 2GB, 500 MB, 1,5 Go, 2 GiB. Money: "4,52 EUR", 4.52€, "3 USD". Times as for \
            snooze ("2026-12-04 09:03", RFC 3339, "friday").

            Examples:
              simwatchctl record fr-holiday --remaining 2GB
              simwatchctl record fr-holiday --used 1.2GB --total 5GB --expires "2026-12-04 09:03"
              simwatchctl record fr-prepaid --credit "4,52 EUR"
            """
    )

    @Argument(help: ArgumentHelp("The line's id.", valueName: "line"))
    var line: String

    @Option(name: .long, help: ArgumentHelp("Data left.", valueName: "size"))
    var remaining: String?

    @Option(name: .long, help: ArgumentHelp("Data used in this plan period.", valueName: "size"))
    var used: String?

    @Option(name: .long, help: ArgumentHelp("The plan's data in all.", valueName: "size"))
    var total: String?

    @Option(name: .long, help: ArgumentHelp("When the plan expires.", valueName: "time"))
    var expires: String?

    @Option(name: .long, help: ArgumentHelp("Prepaid credit left.", valueName: "money"))
    var credit: String?

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        guard [remaining, used, total, expires, credit].contains(where: { $0 != nil }) else {
            throw ValidationError("give at least one of --remaining, --used, --total, --expires, --credit")
        }
    }

    func run() throws {
        try options.callWithTimes(RecordReading.self, parameters) { reply, context in
            ActionView.record(reply.reading, line: line, context: context)
        }
    }

    /// The call's parameters, times read on `context`'s clock (the daemon's under the demo's time_scale).
    private func parameters(in context: ViewContext) throws(CtlFailure) -> RecordReading.Parameters {
        var parameters = RecordReading.Parameters(line: line)
        parameters.remainingBytes = try OptionValue.bytes(remaining, "--remaining")
        parameters.usedBytes = try OptionValue.bytes(used, "--used")
        parameters.totalBytes = try OptionValue.bytes(total, "--total")
        parameters.expiresAt = try OptionValue.timestamp(expires, "--expires", in: context)
        parameters.credit = try OptionValue.read(credit, "--credit") { text throws(UnitParseError) in
            try Money(parsing: text).description
        }
        return parameters
    }
}
