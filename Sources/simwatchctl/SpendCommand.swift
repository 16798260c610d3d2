import ArgumentParser
import SimwatchControl
import SimwatchCtlKit

struct SpendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spend",
        abstract: "What renewals cost, per month or per line, with the cost per GB used and per day of service.",
        discussion: """
            From the renewal ledger (`simwatchctl renewals`). Amounts in different currencies are never added: \
            each currency has its own rows. Entries without a price are listed apart; complete them with \
            `simwatchctl renewals edit ID --price`.

            Examples:
              simwatchctl spend
              simwatchctl spend --by line --since 2026-01-01
            """
    )

    @Option(name: .long, help: ArgumentHelp("Group by month or line.", valueName: "month|line"))
    var by: String = "month"

    @Option(
        name: .long,
        help: ArgumentHelp("Only renewals since then (a time, or 90d for 90 days ago).", valueName: "time")
    )
    var since: String?

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        guard SpendReport.Grouping(rawValue: by) != nil else { throw ValidationError("--by is month or line") }
    }

    func run() throws {
        let grouping = SpendReport.Grouping(rawValue: by) ?? .month
        let session = try options.connect()
        let context = options.viewContext(session: session)
        let parameters = ListRenewals.Parameters(since: try OptionValue.timestamp(since, "--since", in: context))
        let (reply, raw) = try session.call(ListRenewals.self, parameters)
        let report = SpendReport(reply.renewals, by: grouping, zone: context.time.zone)
        options.printReply(raw) { SpendView.render(report, by: grouping, context: context) }
    }
}
