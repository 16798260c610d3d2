import ArgumentParser
import SimwatchControl
import SimwatchCtlKit
import SimwatchModel

struct RenewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renew",
        abstract: "Record a renewal or top-up: a new plan period, and an entry in the line's renewal ledger.",
        discussion: """
            Ends the line's data and expiry alerts, sends a "renewed" notice, and reads the line again. Give the \
            new plan with --offer (one of the line's offers: its data, validity and price), or with --data and \
            --valid or --expires; without a validity, the configuration's applies (valid_for, or the monthly \
            renewal day). --price, --order, --receipt and --note go into the ledger (`simwatchctl renewals`); the \
            receipt is copied into the state directory with its SHA-256, so the record survives the download folder.

            On a line whose source reports the provider's figures, the provider has confirm_within ([line.renew], \
            default 2h) to show the renewal; until then its low-data reminders stay quiet, after it a warning names \
            the support contact. `simwatchctl show` says whether it was confirmed.

            Examples:
              simwatchctl renew fr-holiday --offer "Orange Holiday 10 GB" --order A-4411 --receipt ~/Downloads/facture.pdf
              simwatchctl renew fr-holiday --data 20GB --valid 30d --price "25 EUR"
              simwatchctl renew fr-holiday --data 5GB --expires "2026-12-31 23:59" --at "yesterday 18:00"
              simwatchctl renew de-monthly --data 10GB
            """
    )

    @Argument(help: ArgumentHelp("The line's id.", valueName: "line"))
    var line: String

    @Option(name: .long, help: ArgumentHelp("One of the line's offers, by name.", valueName: "name"))
    var offer: String?

    @Option(name: .long, help: ArgumentHelp("The new plan's data.", valueName: "size"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("How long the new plan lasts.", valueName: "duration"))
    var valid: String?

    @Option(name: .long, help: ArgumentHelp("When the new plan expires.", valueName: "time"))
    var expires: String?

    @Option(name: .long, help: ArgumentHelp("What it cost, e.g. \"20 EUR\".", valueName: "price"))
    var price: String?

    @Option(name: .long, help: ArgumentHelp("The provider's order or transaction number.", valueName: "id"))
    var order: String?

    @Option(name: .long, help: ArgumentHelp("A receipt to keep (PDF, image; at most 20 MiB).", valueName: "file"))
    var receipt: String?

    @Option(name: .long, help: ArgumentHelp("A note for the ledger.", valueName: "text"))
    var note: String?

    @Option(name: .long, help: ArgumentHelp("When it was made, if earlier than now.", valueName: "time"))
    var at: String?

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if valid != nil && expires != nil { throw ValidationError("give --valid or --expires, not both") }
        if offer == nil && data == nil && valid == nil && expires == nil {
            throw ValidationError(
                "give the new plan: --offer NAME, or --data SIZE and/or --valid DURATION or --expires TIME"
            )
        }
    }

    func run() throws {
        _ = try parameters(in: options.viewContext())  // bad values fail before anything is copied or sent
        let session = try options.connect()
        let context = options.viewContext(session: session)
        var parameters = try parameters(in: context)
        if let receipt { parameters.receipt = try ReceiptStaging.stage(receipt, session: session) }
        let (reply, raw) = try session.call(Renew.self, parameters)
        options.printReply(raw) { ActionView.renew(reply, line: line, context: context) }
    }

    /// The call's parameters, times read on `context`'s clock (the daemon's under the demo's time_scale).
    private func parameters(in context: ViewContext) throws(CtlFailure) -> Renew.Parameters {
        var parameters = Renew.Parameters(line: line)
        parameters.dataBytes = try OptionValue.bytes(data, "--data")
        parameters.validSeconds = try OptionValue.duration(valid, "--valid")?.seconds
        parameters.expiresAt = try OptionValue.timestamp(expires, "--expires", in: context)
        parameters.at = try OptionValue.timestamp(at, "--at", in: context)
        parameters.offer = offer
        parameters.price = price
        parameters.order = order
        parameters.note = note
        if let price {
            do { _ = try Money(parsing: price) } catch {
                throw CtlFailure("--price \(price): \(error) (e.g. \"20 EUR\")")
            }
        }
        return parameters
    }
}
