/// Line ids waiting for a free poll slot, oldest first, each at most once: appending, taking the oldest, asking
/// whether an id waits and removing one are O(1) (amortized), so a fleet whose every line falls due at once is
/// queued in time proportional to its size, not its square.
struct WaitingLines {
    /// Ids in the order they were queued, each with the number it was queued under; an entry whose number is no
    /// longer its id's (the id was removed, or taken and queued again) is skipped when it surfaces.
    private var order: [(id: String, ticket: Int)] = []
    private var head = 0
    private var members: [String: Int] = [:]
    private var nextTicket = 0

    var isEmpty: Bool { members.isEmpty }

    var count: Int { members.count }

    func contains(_ id: String) -> Bool { members[id] != nil }

    /// Queues `id` at the end, unless it already waits.
    mutating func append(_ id: String) {
        guard members[id] == nil else { return }
        nextTicket += 1
        members[id] = nextTicket
        order.append((id, nextTicket))
    }

    /// The oldest waiting id, taken off the queue; nil when none waits.
    mutating func removeFirst() -> String? {
        while head < order.count {
            let entry = order[head]
            head += 1
            if head > 1024, head * 2 > order.count {
                order.removeFirst(head)
                head = 0
            }
            if members[entry.id] == entry.ticket {
                members[entry.id] = nil
                return entry.id
            }
        }
        order.removeAll(keepingCapacity: true)
        head = 0
        return nil
    }

    /// Takes `id` off the queue.
    mutating func remove(_ id: String) {
        members[id] = nil
    }
}
