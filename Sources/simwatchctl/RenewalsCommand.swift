import ArgumentParser
import SimwatchControl
import SimwatchCtlKit

struct RenewalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renewals",
        abstract: "List the renewal ledger, or complete an entry.",
        discussion: """
            Every renewal recorded with `simwatchctl renew` and every top-up seen in the readings (priced from a \
            matching offer when one matches) is an entry, named LINE/N, kept for good.

            Examples:
              simwatchctl renewals
              simwatchctl renewals fr-holiday --since 2026-11-01 --csv > renewals.csv
              simwatchctl renewals edit fr-holiday/3 --price "20 EUR" --order A-4411
            """,
        subcommands: [RenewalsListCommand.self, RenewalsEditCommand.self],
        defaultSubcommand: RenewalsListCommand.self
    )
}

struct RenewalsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the renewal ledger, oldest first."
    )

    @Argument(help: ArgumentHelp("Only this line's.", valueName: "line"))
    var line: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Only those renewed since then (a time, or 30d for 30 days ago).", valueName: "time")
    )
    var since: String?

    @Flag(help: "Print CSV (RFC 4180) for a spreadsheet.") var csv = false

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if csv && options.json { throw ValidationError("give --json or --csv, not both") }
    }

    func run() throws {
        let session = try options.connect()
        let context = options.viewContext(session: session)
        let parameters = ListRenewals.Parameters(
            line: line,
            since: try OptionValue.timestamp(since, "--since", in: context)
        )
        let (reply, raw) = try session.call(ListRenewals.self, parameters)
        if csv {
            Terminal.print(RenewalsView.csv(reply))
            return
        }
        options.printReply(raw) { RenewalsView.render(reply, context: options.viewContext(daemonNow: reply.now)) }
    }
}

struct RenewalsEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Complete a ledger entry: its price, order number, offer, receipt or note."
    )

    @Argument(help: ArgumentHelp("The entry, LINE/N as `simwatchctl renewals` lists it.", valueName: "id"))
    var id: String

    @Option(name: .long, help: ArgumentHelp("What it cost, e.g. \"20 EUR\".", valueName: "price"))
    var price: String?

    @Option(name: .long, help: ArgumentHelp("The provider's order or transaction number.", valueName: "id"))
    var order: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Which of the line's offers it was (its price unless --price).", valueName: "name")
    )
    var offer: String?

    @Option(name: .long, help: ArgumentHelp("A receipt to keep (PDF, image; at most 20 MiB).", valueName: "file"))
    var receipt: String?

    @Option(name: .long, help: ArgumentHelp("A note.", valueName: "text"))
    var note: String?

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if [price, order, offer, receipt, note].allSatisfy({ $0 == nil }) {
            throw ValidationError("give what to complete: --price, --order, --offer, --receipt or --note")
        }
    }

    func run() throws {
        let session = try options.connect()
        var parameters = EditRenewal.Parameters(id: id, offer: offer, price: price, order: order, note: note)
        if let receipt { parameters.receipt = try ReceiptStaging.stage(receipt, session: session) }
        let (reply, raw) = try session.call(EditRenewal.self, parameters)
        options.printReply(raw) {
            let context = options.viewContext()
            return RenewalsView.render(ListRenewals.Reply(now: "", renewals: [reply.renewal]), context: context)
        }
    }
}
