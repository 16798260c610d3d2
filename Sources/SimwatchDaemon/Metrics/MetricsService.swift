public import FoundationEssentials
public import Logging
import SimwatchLoop
import Synchronization

/// Keeps the metrics current: gathers them after what changes them (a reading, an alert, a delivery: the daemon's
/// events, at most once a second, or less often where gathering takes long: `pause(after:)`) and every 15 seconds
/// anyway, then hands the page to the HTTP server and rewrites the textfile. Scrapes read only that page.
public final class MetricsService: Sendable {
    let simwatch: Simwatch
    let stats: DeliveryStats
    let server: MetricsServer?
    let textfile: String?
    let logger: Logger
    let now: @Sendable () -> Date
    /// Whether the last write of the textfile failed: said once, not every 15 seconds.
    private let failing = Mutex<Bool>(false)

    public init(
        simwatch: Simwatch,
        stats: DeliveryStats,
        server: MetricsServer?,
        textfile: String?,
        logger: Logger,
        now: @escaping @Sendable () -> Date
    ) {
        self.simwatch = simwatch
        self.stats = stats
        self.server = server
        self.textfile = textfile
        self.logger = logger
        self.now = now
    }

    /// Runs until cancelled.
    public func run() async {
        let (ticks, tick) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let happenings = simwatch.events.subscribe(buffer: 1)
        await withDiscardingTaskGroup { group in
            group.addTask {
                for await _ in happenings { tick.yield() }
            }
            group.addTask {
                while !Task.isCancelled {
                    try? await LoopSleep.sleep(seconds: 15)
                    tick.yield()
                }
            }
            group.addTask {
                var took = await self.timedRefresh()
                for await _ in ticks {
                    if Task.isCancelled { break }
                    try? await LoopSleep.sleep(seconds: Self.pause(after: took))
                    took = await self.timedRefresh()
                }
            }
        }
    }

    /// The textfile's last words when simwatchd stops: `simwatch_up 0`, so node_exporter does not go on reporting
    /// the last figures as if simwatchd still ran.
    public func stopped() async {
        guard textfile != nil else { return }
        await refresh(up: false)
    }

    /// How long to wait after a refresh that took `took` seconds before the next: at least a second, and ten times
    /// what it took, so that gathering the figures of a large fleet (half a second at 100,000 lines) costs at most a
    /// tenth of a core however often its lines change.
    static func pause(after took: Double) -> Double {
        min(60, max(1, took * 10))
    }

    /// `refresh()`, and how long it took in seconds (on the loop's monotonic clock).
    private func timedRefresh() async -> Double {
        let start = EventLoop.uptimeNanoseconds
        await refresh()
        return Double(EventLoop.uptimeNanoseconds - start) / 1e9
    }

    /// Gathers the metrics once and publishes them.
    public func refresh(up: Bool = true) async {
        var snapshot = await MetricsSnapshot.collect(
            queries: simwatch.queries,
            stats: stats,
            channels: await simwatch.outbox.channelNames(),
            now: now()
        )
        snapshot.up = up
        let page = Array(snapshot.render().utf8)
        server?.publish(page)
        if let textfile {
            do {
                try TextfileWriter.write(page, to: textfile)
                if failing.withLock({ $0 }) { logger.notice("metrics textfile \(textfile) written again") }
                failing.withLock { $0 = false }
            } catch {
                if !failing.withLock({ $0 }) { logger.warning("cannot write the metrics textfile: \(error)") }
                failing.withLock { $0 = true }
            }
        }
    }
}
