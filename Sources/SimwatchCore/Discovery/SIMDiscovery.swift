/// One SIM an account's listing shows: its ICCID and the name it has there (Airalo's nickname, 1NCE's label).
public struct ListedSIM: Sendable, Hashable {
    public var iccid: String
    public var name: String?

    public init(iccid: String, name: String?) {
        self.iccid = iccid
        self.name = name
    }
}

/// A discovered SIM as kept in state.db: what the listing said, and in how many complete listings in a row it has
/// been missing since.
public struct DiscoveredSIM: Sendable, Hashable {
    public var iccid: String
    public var name: String?
    public var missing: Int

    public init(iccid: String, name: String?, missing: Int = 0) {
        self.iccid = iccid
        self.name = name
        self.missing = missing
    }
}

/// What discovery decides from one listing of an account: which SIMs become lines, which lines retire. Pure: the
/// daemon lists, this decides, the daemon stores and reloads.
///
/// - Only a complete listing (every page read and checked) changes anything: a failed, partial or garbage listing
///   is dropped whole, so an API hiccup never retires a line.
/// - A SIM missing from a listing is retired only when it is missing from `retireAfter` (2) complete listings in a
///   row; seen again before that, it stays and its count starts over.
/// - A SIM whose ICCID a hand-written line of the account already watches is not discovered again.
public enum SIMDiscovery {
    /// Complete listings in a row a SIM must be missing from before its line retires.
    public static let retireAfter = 2

    /// What changed, and the new set to keep.
    public struct Outcome: Sendable, Hashable {
        public var kept: [DiscoveredSIM]
        public var added: [DiscoveredSIM]
        public var retired: [DiscoveredSIM]
    }

    /// The new discovered set of an account after a complete listing `listed`, given the `known` set (sorted by
    /// ICCID) and the ICCIDs its hand-written lines watch.
    public static func apply(
        _ listed: [ListedSIM],
        to known: [DiscoveredSIM],
        configured: Set<String> = []
    ) -> Outcome {
        var seen: [String: ListedSIM] = [:]
        for sim in listed where !configured.contains(sim.iccid) && seen[sim.iccid] == nil {
            seen[sim.iccid] = sim
        }
        var kept: [DiscoveredSIM] = []
        var retired: [DiscoveredSIM] = []
        var knownIDs = Set<String>()
        for var sim in known where !configured.contains(sim.iccid) {
            knownIDs.insert(sim.iccid)
            if let now = seen[sim.iccid] {
                sim.missing = 0
                sim.name = now.name ?? sim.name
                kept.append(sim)
            } else {
                sim.missing += 1
                if sim.missing >= retireAfter { retired.append(sim) } else { kept.append(sim) }
            }
        }
        let added = seen.values.filter { !knownIDs.contains($0.iccid) }
            .map { DiscoveredSIM(iccid: $0.iccid, name: $0.name) }
            .sorted { $0.iccid < $1.iccid }
        kept.append(contentsOf: added)
        kept.sort { $0.iccid < $1.iccid }
        return Outcome(kept: kept, added: added, retired: retired)
    }

    /// The id of the line discovered for `iccid` on the account `account`: "NAME-ICCID" (stable: the same SIM is
    /// the same line across listings and restarts, and its state stays with it).
    public static func lineID(account: String, iccid: String) -> String {
        "\(account)-\(iccid)"
    }
}
