import FoundationEssentials
import SimwatchControl
import SimwatchCore

extension WireFormat {
    /// A ledger entry as the control API sends it; `receipts` is the receipt store's directory.
    func renewal(_ e: RenewalEntry, receipts: String, now: Date) -> RenewalInfo {
        var end = e.endedAt ?? now
        if let expires = e.expiresAt, expires < end { end = expires }
        let days = max(0, end.timeIntervalSince(e.renewedAt)) / 86_400
        return RenewalInfo(
            id: e.id,
            line: e.lineID,
            origin: e.origin.rawValue,
            renewedAt: time(e.renewedAt),
            recordedAt: time(e.recordedAt),
            offer: e.offer,
            dataBytes: e.data?.bytes,
            unlimited: e.unlimited,
            expiresAt: e.expiresAt.map(time),
            price: e.price?.description,
            currency: e.price?.currency,
            order: e.order,
            receipt: e.receipt.map {
                ReceiptInfo(path: receipts + "/" + $0.file, sha256: $0.sha256, bytes: $0.bytes, name: $0.originalName)
            },
            note: e.note,
            usedBytes: e.usedBytes?.bytes,
            endedAt: e.endedAt.map(time),
            serviceDays: (days * 100).rounded() / 100,
            check: check(e.check)
        )
    }

    func check(_ state: RenewalCheck.State) -> RenewalCheckInfo {
        switch state {
        case .notNeeded: RenewalCheckInfo(state: state.name)
        case .waiting(let until): RenewalCheckInfo(state: state.name, at: time(until))
        case .late(let since): RenewalCheckInfo(state: state.name, at: time(since))
        case .confirmed(let at, let by): RenewalCheckInfo(state: state.name, at: time(at), by: by)
        }
    }

    /// A price as given ("20 EUR", "€20", "20,50 EUR"); nil when absent.
    func price(_ text: String?) throws(ControlError) -> Money? {
        guard let text else { return nil }
        do { return try Money(parsing: text) } catch {
            throw ControlError.invalidArgument("price", "\(error) (e.g. \"20 EUR\")")
        }
    }
}
