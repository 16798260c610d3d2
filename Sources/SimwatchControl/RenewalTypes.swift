/// `ListRenewals`: the renewal ledger, of one line or every line, renewed since a time (all without), oldest first.
public enum ListRenewals: ControlMethod {
    public static let method = "ListRenewals"

    public struct Parameters: Codable, Sendable, Hashable {
        public var line: String?
        public var since: String?

        public init(line: String? = nil, since: String? = nil) {
            self.line = line
            self.since = since
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var now: String
        public var renewals: [RenewalInfo]

        public init(now: String, renewals: [RenewalInfo]) {
            self.now = now
            self.renewals = renewals
        }
    }
}

/// `EditRenewal`: completes a ledger entry afterwards; each given part replaces what it had.
public enum EditRenewal: ControlMethod {
    public static let method = "EditRenewal"

    public struct Parameters: Codable, Sendable, Hashable {
        /// `LINE/N`, as `ListRenewals` gives it.
        public var id: String
        public var offer: String?
        public var price: String?
        public var order: String?
        public var note: String?
        public var receipt: StagedReceipt?

        public init(
            id: String,
            offer: String? = nil,
            price: String? = nil,
            order: String? = nil,
            note: String? = nil,
            receipt: StagedReceipt? = nil
        ) {
            self.id = id
            self.offer = offer
            self.price = price
            self.order = order
            self.note = note
            self.receipt = receipt
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        public var renewal: RenewalInfo
        public init(renewal: RenewalInfo) { self.renewal = renewal }
    }
}

/// A receipt the client copied into the state directory's `receipts/incoming/` (`GetStatus` names the directory):
/// its file name there, and the name it had.
public struct StagedReceipt: Codable, Sendable, Hashable {
    public var staged: String
    public var name: String

    public init(staged: String, name: String) {
        self.staged = staged
        self.name = name
    }
}

/// One ledger entry.
public struct RenewalInfo: Codable, Sendable, Hashable {
    /// `LINE/N`.
    public var id: String
    public var line: String
    /// recorded or detected.
    public var origin: String
    public var renewedAt: String
    public var recordedAt: String
    public var offer: String?
    /// Absent when unknown or unlimited.
    public var dataBytes: Int64?
    public var unlimited: Bool
    public var expiresAt: String?
    /// "20 EUR", exact.
    public var price: String?
    public var currency: String?
    public var order: String?
    public var receipt: ReceiptInfo?
    public var note: String?
    /// Data used in its period: when the next renewal ended it, or so far.
    public var usedBytes: Int64?
    /// When the next renewal ended its period.
    public var endedAt: String?
    /// Days of service so far: to the next renewal, its expiry or now, whichever came first.
    public var serviceDays: Double
    public var check: RenewalCheckInfo

    public init(
        id: String,
        line: String,
        origin: String,
        renewedAt: String,
        recordedAt: String,
        offer: String?,
        dataBytes: Int64?,
        unlimited: Bool,
        expiresAt: String?,
        price: String?,
        currency: String?,
        order: String?,
        receipt: ReceiptInfo?,
        note: String?,
        usedBytes: Int64?,
        endedAt: String?,
        serviceDays: Double,
        check: RenewalCheckInfo
    ) {
        self.id = id
        self.line = line
        self.origin = origin
        self.renewedAt = renewedAt
        self.recordedAt = recordedAt
        self.offer = offer
        self.dataBytes = dataBytes
        self.unlimited = unlimited
        self.expiresAt = expiresAt
        self.price = price
        self.currency = currency
        self.order = order
        self.receipt = receipt
        self.note = note
        self.usedBytes = usedBytes
        self.endedAt = endedAt
        self.serviceDays = serviceDays
        self.check = check
    }
}

/// A receipt kept in the state directory.
public struct ReceiptInfo: Codable, Sendable, Hashable {
    /// Its full path.
    public var path: String
    public var sha256: String
    public var bytes: Int64
    /// The name it had.
    public var name: String

    public init(path: String, sha256: String, bytes: Int64, name: String) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
        self.name = name
    }
}

/// Whether the provider showed a renewal recorded by hand: state not_needed, waiting (until `at`), late (since
/// `at`) or confirmed (at `at`, by the source `by`).
public struct RenewalCheckInfo: Codable, Sendable, Hashable {
    public var state: String
    public var at: String?
    public var by: String?

    public init(state: String, at: String? = nil, by: String? = nil) {
        self.state = state
        self.at = at
        self.by = by
    }
}
