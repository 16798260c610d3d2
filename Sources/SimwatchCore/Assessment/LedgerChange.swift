public import FoundationEssentials

/// A change to the renewal ledger decided by an assessment, written in the same transaction as the rest.
public enum LedgerChange: Sendable, Hashable {
    /// A renewal recorded by hand or detected in the readings.
    case add(RenewalEntry)
    /// The next renewal ended the period of the entry `sequence`: what it used, and when it ended.
    case close(line: String, sequence: Int, used: ByteCount?, at: Date)
    /// The provider confirmed the entry, or did not in time.
    case check(line: String, sequence: Int, RenewalCheck.State)
}
