/// How a transaction starts. `immediate` takes the write lock at BEGIN, so a busy database fails (after the busy
/// timeout) before any work is done rather than at the first write or at COMMIT.
public enum TransactionKind: String, Sendable {
    case deferred = "DEFERRED"
    case immediate = "IMMEDIATE"
    case exclusive = "EXCLUSIVE"
}
