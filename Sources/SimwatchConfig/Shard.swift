public import SimwatchModel

/// `[daemon] shard = "K/N"`: this daemon watches only the lines whose id hashes to shard K of N, so N daemons (on
/// one machine or several) share a fleet, each line watched by exactly one. The hash is FNV-1a (64 bits) of the
/// line id's UTF-8 bytes: fixed, so a line stays in its shard across restarts, versions and machines.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// K, from 1.
    public var index: Int
    /// N.
    public var count: Int
    /// More shards than this is not a fleet layout but a typo.
    public static let maximumCount = 4096

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses "K/N" with 1 ≤ K ≤ N ≤ 4096.
    public init(parsing text: String) throws(UnitParseError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: " ")
        }
        let hint = "write it as K/N, e.g. \"1/4\" for the first of four daemons"
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) }),
            let k = Int(parts[0]), let n = Int(parts[1])
        else {
            throw UnitParseError(input: text, message: "`\(text)` is not a shard", hint: hint)
        }
        guard n >= 1, n <= Self.maximumCount, k >= 1, k <= n else {
            throw UnitParseError(
                input: text,
                message: "shard \(text) is out of range (1 ≤ K ≤ N ≤ \(Self.maximumCount))",
                hint: hint
            )
        }
        self.init(index: k, count: n)
    }

    /// Whether this shard watches the line `id`.
    public func owns(_ id: String) -> Bool {
        Int(Self.hash(id) % UInt64(count)) == index - 1
    }

    /// FNV-1a, 64 bits.
    public static func hash(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// "2/4".
    public var description: String { "\(index)/\(count)" }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var s = self
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
