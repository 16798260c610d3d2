public import FoundationEssentials

/// One point of a line's data history.
public struct HistorySample: Sendable, Hashable {
    public var at: Date
    public var remaining: Int64?
    /// raw, hour or day
    public var resolution: String

    public init(at: Date, remaining: Int64?, resolution: String) {
        self.at = at
        self.remaining = remaining
        self.resolution = resolution
    }

    /// At most `maxPoints` samples: the last one of each equal slice of `[since, until]`.
    public static func thin(_ samples: [HistorySample], since: Date, until: Date, maxPoints: Int) -> [HistorySample] {
        guard maxPoints > 0, samples.count > maxPoints else { return samples }
        let span = max(until.timeIntervalSince(since), 1)
        var slices: [Int: HistorySample] = [:]
        for sample in samples {
            let index = min(maxPoints - 1, max(0, Int(sample.at.timeIntervalSince(since) / span * Double(maxPoints))))
            slices[index] = sample
        }
        return slices.keys.sorted().compactMap { slices[$0] }
    }
}
