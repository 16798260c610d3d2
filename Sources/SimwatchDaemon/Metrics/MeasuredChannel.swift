public import SimwatchCore
import SimwatchLoop

/// A channel whose attempts are counted and timed (`DeliveryStats`) on the way through: the metrics learn of
/// deliveries without the outbox knowing of them.
public struct MeasuredChannel: NotificationChannel {
    let name: String
    let base: any NotificationChannel
    let stats: DeliveryStats

    public func deliver(_ reminder: Reminder) async throws {
        let start = EventLoop.uptimeNanoseconds
        do {
            try await base.deliver(reminder)
        } catch {
            stats.record(name, seconds: Self.seconds(since: start), ok: false)
            throw error
        }
        stats.record(name, seconds: Self.seconds(since: start), ok: true)
    }

    static func seconds(since start: UInt64) -> Double {
        Double(EventLoop.uptimeNanoseconds &- start) / 1_000_000_000
    }

    /// Every channel of `channels`, measured into `stats`.
    public static func wrap(
        _ channels: [String: any NotificationChannel],
        into stats: DeliveryStats
    ) -> [String: any NotificationChannel] {
        channels.reduce(into: [:]) { out, entry in
            out[entry.key] = MeasuredChannel(name: entry.key, base: entry.value, stats: stats)
        }
    }
}
