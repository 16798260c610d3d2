import FoundationEssentials
import Logging
import SimwatchConfig
import SimwatchCore
import SimwatchDaemon
import SimwatchProviders
import SimwatchStore
import SimwatchTestKit

/// One line read by a scripted provider, rules chosen by the test, a recording channel, an in-memory store.
struct DaemonFixture {
    static let t0 = Date(timeIntervalSince1970: 1_795_132_800)  // 2026-11-20T00:00:00Z

    var store: StateStore
    let provider: ScriptedProvider
    let channel = RecordingChannel()
    var config: Config

    init(
        rules: [Rule],
        quietHours: String? = nil,
        poll: TimeSpan = .hours(1),
        store: StateStore? = nil,
        provider: ScriptedProvider? = nil
    ) throws {
        self.store = try store ?? StateStore()
        self.provider =
            provider
            ?? ScriptedProvider { request in
                Reading(
                    lineID: request.line.id,
                    observedAt: request.now,
                    remaining: ByteCount(bytes: 100_000_000),
                    total: ByteCount(bytes: 1_000_000_000),
                    source: "script"
                )
            }
        var daemon = DaemonSettings(timeZone: .utc)
        daemon.quietHours = try quietHours.map { try QuietHours(parsing: $0, zone: .utc) }
        let line = Line(
            id: "l1",
            name: "Test line",
            provider: DemoProviderSettings(dailyUse: ByteCount(bytes: 1)),
            plan: PlanSettings(
                quota: ByteCount(bytes: 1_000_000_000),
                validity: .validFor(.days(30)),
                started: Self.t0
            ),
            rules: rules,
            pollInterval: poll
        )
        config = Config(path: "test.toml", daemon: daemon, lines: [line])
    }

    func simwatch(timing: PollTiming = PollTiming(jitter: 0), clock: any DaemonClock = LoopClock()) -> Simwatch {
        Simwatch(
            config: config,
            store: store,
            providers: ProviderFactory(overrides: ["l1": provider]),
            channels: ["journal": channel],
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
            clock: clock,
            timing: timing,
            random: { 0.5 }
        )
    }

    static func lowData(_ repeatPolicy: RepeatPolicy, severity: Severity = .warning) -> Rule {
        Rule(
            id: "low",
            kind: .dataBelow([.amount(ByteCount(bytes: 500_000_000))]),
            severity: severity,
            repeatPolicy: repeatPolicy
        )
    }
}
