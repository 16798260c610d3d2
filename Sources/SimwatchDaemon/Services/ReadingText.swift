import FoundationEssentials
import SimwatchCore

/// A reading in one line of the journal: "2.1 GB left of 5 GB, expires in 3d 4h".
enum ReadingText {
    static func describe(_ r: Reading) -> String {
        var parts: [String] = []
        if let remaining = r.effectiveRemaining {
            parts.append(r.total.map { "\(remaining) left of \($0)" } ?? "\(remaining) left")
        }
        if let credit = r.credit { parts.append("credit \(credit)") }
        if let expires = r.expiresAt {
            let left = expires.timeIntervalSince(r.observedAt)
            parts.append(
                left > 0
                    ? "expires in \(TimeSpan(seconds: (Plausible.integer(left.rounded(.down)) ?? .max) / 60 * 60))"
                    : "expired"
            )
        }
        if r.status != .active, r.status != .expired { parts.append(r.status.rawValue) }
        if r.estimated { parts.append("estimated") }
        return parts.joined(separator: ", ")
    }
}
