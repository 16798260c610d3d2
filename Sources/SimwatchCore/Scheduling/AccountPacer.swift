public import FoundationEssentials

/// The gate of one provider account's rate limit: polls of its lines start at least `spacing` (60 s ÷
/// `requests_per_minute`) apart, each in a slot of its own, so the account's lines are polled evenly, never in a
/// burst. Pure timing: the scheduler asks `admit` before starting a line's poll and, when given a later slot, puts
/// the line back in its queue for that time; when the line comes due again its slot is already booked and it goes.
///
/// Bounded: a line holds at most one booked slot (asking again returns the same one), so the bookings never
/// outnumber the account's lines, and the next free slot is never further ahead than one spacing per booking
/// (a wall clock that stepped back does not leave the gate closed for the size of the step).
public struct AccountPacer: Sendable, Hashable {
    /// Seconds between two polls of the account.
    public var spacing: TimeInterval
    /// The first slot not yet given to a poll.
    public private(set) var nextFree: Date?
    /// Lines told to come back later, with their slot.
    public private(set) var booked: [String: Date] = [:]

    public init(spacing: TimeInterval) {
        self.spacing = max(0, spacing)
    }

    /// The spacing of `requestsPerMinute` polls a minute (at least one).
    public init(requestsPerMinute: Int) {
        self.init(spacing: 60 / Double(max(1, requestsPerMinute)))
    }

    /// Whether the line `id` may start its poll at `now`: nil to go now (its slot is taken), else the later slot
    /// booked for it, when it should ask again.
    public mutating func admit(_ id: String, now: Date) -> Date? {
        if let slot = booked[id] {
            if slot > now { return slot }
            booked[id] = nil
            return nil
        }
        var slot = max(now, nextFree ?? now)
        // Never further ahead than the bookings justify: after the clock stepped back, start again from now.
        let horizon = now + spacing * Double(booked.count + 1)
        if slot > horizon { slot = now }
        nextFree = slot + spacing
        guard slot > now else { return nil }
        booked[id] = slot
        return slot
    }

    /// Forgets the line's booking (the line was removed, or is polled another way); its slot stays used.
    public mutating func cancel(_ id: String) {
        booked[id] = nil
    }
}
