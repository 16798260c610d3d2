public import SimwatchCore

/// Interface byte counters (`/sys/class/net/IFACE/statistics/{rx,tx}_bytes`), accumulated since the plan period
/// started. Quota and validity come from the line's `[line.plan]`.
public struct CounterProviderSettings: ProviderSettings {
    public static let type = "counters"
    /// Counted here against the recorded plan: no provider to confirm a renewal.
    public var reportsFigures: Bool { false }
    /// Which counters count against the plan.
    public enum Direction: String, Sendable, Hashable, CaseIterable {
        case both
        case rx
        case tx
    }

    /// Interface names, e.g. ["wwan0"]; the usage of all of them is added up.
    public var interfaces: [String]
    public var direction: Direction
    /// Where sysfs is mounted ("/sys"); tests point it at a fixture tree.
    public var sysfsRoot: String
    /// The file holding this boot's id; a different id means the counters restarted from zero.
    public var bootIDPath: String
    /// Bytes per second no interface can reach; a sample implying more is discarded.
    public var maxRate: ByteCount

    public init(
        interfaces: [String],
        direction: Direction = .both,
        sysfsRoot: String = "/sys",
        bootIDPath: String = "/proc/sys/kernel/random/boot_id",
        maxRate: ByteCount = ByteCount(bytes: 1_250_000_000)
    ) {
        self.interfaces = interfaces
        self.direction = direction
        self.sysfsRoot = sysfsRoot
        self.bootIDPath = bootIDPath
        self.maxRate = maxRate
    }
}
