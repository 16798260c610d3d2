import SimwatchConfig
import SimwatchCore

/// `type = "demo"`: a simulated plan that drains at a steady pace, so it needs the plan's quota.
enum DemoSource: ProviderSource {
    static func decode(_ table: TableReader, line: ProviderDecoder.LineContext) -> DemoProviderSettings? {
        let dailyUse = table.parsed("daily_use", ByteCount.init(parsing:)) ?? ByteCount(bytes: 300_000_000)
        let wobble = table.double("wobble", in: 0...1) ?? 0.3
        let credit = table.parsed("credit", Money.init(parsing:))
        let failEvery = table.int("fail_every", in: 0...1000) ?? 0
        let renewalDelay = table.parsed("renewal_delay", TimeSpan.init(parsing:))
        if let renewalDelay, renewalDelay.seconds <= 0 || renewalDelay.seconds > 7 * 86_400 {
            table.error(
                "renewal_delay",
                "`renewal_delay` must be between 1s and 7d",
                hint: "e.g. renewal_delay = \"1h\""
            )
        }
        if line.plan.quota == nil, !line.quotaWritten {
            table.error(nil, "the demo provider needs a quota", hint: "set quota = \"3GB\" in [line.plan]")
        }
        table.finish(allowing: ["type", "daily_use", "wobble", "credit", "fail_every", "renewal_delay"])
        return DemoProviderSettings(
            dailyUse: dailyUse,
            wobble: wobble,
            credit: credit,
            failEvery: failEvery,
            renewalDelay: renewalDelay
        )
    }

    static func makeProvider(_ settings: DemoProviderSettings, context: ProviderContext) -> any UsageProvider {
        DemoProvider(settings: settings)
    }
}
