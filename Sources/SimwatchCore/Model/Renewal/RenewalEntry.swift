public import FoundationEssentials

/// One renewal or top-up in the line's ledger, kept for good (retention never removes it): what was bought, when,
/// for how much, with the order number, receipt and note, and whether the provider confirmed it.
///
/// Its identity is the line and the line's renewal number (`LineRecord.renewals` when it was made), written
/// `LINE/N` ("fr-holiday/3") where people name it.
public struct RenewalEntry: Sendable, Hashable {
    /// How the ledger learned of it.
    public enum Origin: String, Sendable, Hashable, Codable {
        /// Recorded with `simwatchctl renew` (or the control API's `Renew`).
        case recorded
        /// Seen in the readings: more data or a later expiry than before.
        case detected
    }

    public var lineID: String
    /// The line's renewal number: 1 for its first.
    public var sequence: Int
    public var origin: Origin
    /// When it was made (`--at`, else when it was recorded or seen).
    public var renewedAt: Date
    /// When the ledger learned of it.
    public var recordedAt: Date
    /// The offer bought, by name.
    public var offer: String?
    /// Data bought; nil when unknown or unlimited.
    public var data: ByteCount?
    public var unlimited: Bool
    /// When what was bought expires.
    public var expiresAt: Date?
    public var price: Money?
    /// The provider's order or transaction number.
    public var order: String?
    public var receipt: Receipt?
    public var note: String?
    /// Data used in its period, once the next renewal ended it (the open period's comes from the latest reading).
    public var usedBytes: ByteCount?
    /// When the next renewal ended its period.
    public var endedAt: Date?
    /// Whether the provider showed it (renewals recorded by hand, on sources that report figures).
    public var check: RenewalCheck.State

    public init(
        lineID: String,
        sequence: Int,
        origin: Origin,
        renewedAt: Date,
        recordedAt: Date,
        offer: String? = nil,
        data: ByteCount? = nil,
        unlimited: Bool = false,
        expiresAt: Date? = nil,
        price: Money? = nil,
        order: String? = nil,
        receipt: Receipt? = nil,
        note: String? = nil,
        usedBytes: ByteCount? = nil,
        endedAt: Date? = nil,
        check: RenewalCheck.State = .notNeeded
    ) {
        self.lineID = lineID
        self.sequence = sequence
        self.origin = origin
        self.renewedAt = renewedAt
        self.recordedAt = recordedAt
        self.offer = offer
        self.data = data
        self.unlimited = unlimited
        self.expiresAt = expiresAt
        self.price = price
        self.order = order
        self.receipt = receipt
        self.note = note
        self.usedBytes = usedBytes
        self.endedAt = endedAt
        self.check = check
    }

    /// `LINE/N`, as `simwatchctl renewals` prints it and `renewals edit` takes it.
    public var id: String { "\(lineID)/\(sequence)" }

    /// Splits `LINE/N`; nil when it is not that shape.
    public static func parseID(_ text: String) -> (line: String, sequence: Int)? {
        guard let slash = text.lastIndex(of: "/") else { return nil }
        let line = String(text[..<slash])
        let number = text[text.index(after: slash)...]
        guard !line.isEmpty, number.count <= 9, let sequence = Int(number), sequence > 0 else { return nil }
        return (line, sequence)
    }
}

/// A receipt kept in the state directory's `receipts/`, named for its content, so the record survives the
/// download folder.
public struct Receipt: Sendable, Hashable, Codable {
    /// The file's name in `receipts/`.
    public var file: String
    /// SHA-256 of the content, lowercase hex.
    public var sha256: String
    public var bytes: Int64
    /// The name it had when it was attached.
    public var originalName: String

    public init(file: String, sha256: String, bytes: Int64, originalName: String) {
        self.file = file
        self.sha256 = sha256
        self.bytes = bytes
        self.originalName = originalName
    }
}
