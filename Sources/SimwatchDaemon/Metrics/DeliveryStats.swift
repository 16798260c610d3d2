import Synchronization

/// Delivery attempts per channel since the daemon started: how many went through, how many failed, and how long
/// they took. Counted by `MeasuredChannel` around each channel; read by the metrics.
public final class DeliveryStats: Sendable {
    struct Channel: Sendable, Hashable {
        var deliveries: UInt64 = 0
        var failures: UInt64 = 0
        var durations = Histogram(bounds: Histogram.deliverySeconds)
    }

    private let channels = Mutex<[String: Channel]>([:])

    public init() {}

    func record(_ channel: String, seconds: Double, ok: Bool) {
        channels.withLock { all in
            var stats = all[channel] ?? Channel()
            if ok { stats.deliveries += 1 } else { stats.failures += 1 }
            stats.durations.observe(seconds)
            all[channel] = stats
        }
    }

    var snapshot: [String: Channel] { channels.withLock { $0 } }
}
