import ArgumentParser
import SimwatchControl
import SimwatchCtlKit

struct OffersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offers",
        abstract: "Compare a line's offers against what it needs at its pace, and pick the cheapest that covers it.",
        discussion: """
            The need runs until the line's needed_until (the end of a trip), else to the end of the current \
            period and one more. Each offer is bought as often as it takes to cover both the data and the days; \
            the cheapest total wins, ties going to the lower cost per GB. Prices in different currencies are \
            never added or compared: each currency has its own pick.

            Examples:
              simwatchctl offers fr-holiday
              simwatchctl offers fr-holiday --json | jq '.offers[] | select(.pick)'
            """
    )

    @Argument(help: ArgumentHelp("The line's id, as in `simwatchctl lines`.", valueName: "line"))
    var line: String

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let session = try options.connect()
        let (reply, raw) = try session.call(GetOffers.self, LineParameters(line: line))
        options.printReply(raw) { OffersView.render(reply, context: options.viewContext(daemonNow: reply.now)) }
    }
}
