/// What a reminder is about. Each kind has a fixed journal `MESSAGE_ID` so `journalctl MESSAGE_ID=...` and the
/// message catalog can find every reminder of that kind.
public enum ReminderKind: String, Sendable, Hashable, Codable, CaseIterable {
    case lowData = "low_data"
    case expiring
    case runsOut = "runs_out"
    case creditLow = "credit_low"
    case stale
    case renewed
    /// A renewal recorded by hand that the provider has not shown in time.
    case renewalLate = "renewal_late"
    /// The provider showed a renewal that was late.
    case renewalConfirmed = "renewal_confirmed"
    case test

    /// The journal `MESSAGE_ID` (128-bit, hex).
    public var messageID: String {
        switch self {
        case .lowData: "b77ba049bdf54a0283165c1a785d857e"
        case .expiring: "aa9b6cdbf9f14c71805b5d8d38b628ce"
        case .runsOut: "db30ae33ddc445519396890a6c53ef5d"
        case .creditLow: "54abaf4bf144463fb830c4717c607765"
        case .stale: "838ec8cd80c54f7f8cbb0174497904a0"
        case .renewed: "2f4795cea56c43348311b02e184463ef"
        case .renewalLate: "6c2f0a8e51d94b7e9a3d1f4c8b2e7a05"
        case .renewalConfirmed: "0d8b4e2a9c6f4183b5a7e1d3c9f28b64"
        case .test: "b56ee18876cf4def81be02a0aee6b37d"
        }
    }
}
