import SimwatchConfig
import SimwatchCore

/// `type = "counters"`: the byte counters of the line's network interfaces, with quota and validity from the plan.
enum CounterSource: ProviderSource {
    static func decode(_ table: TableReader, line: ProviderDecoder.LineContext) -> CounterProviderSettings? {
        let interfaces = table.stringList("interfaces") ?? []
        if interfaces.isEmpty, !table.has("interfaces") {
            table.error(nil, "missing `interfaces`", hint: "e.g. interfaces = [\"wwan0\"]")
        }
        for name in interfaces where name.isEmpty || name.contains("/") || name == "." || name == ".." {
            table.error("interfaces", "`\(name)` is not an interface name", hint: "as `ip link` lists it, e.g. wwan0")
        }
        var settings = CounterProviderSettings(interfaces: interfaces)
        if let raw = table.choice("direction", CounterProviderSettings.Direction.allCases.map(\.rawValue)),
            let direction = CounterProviderSettings.Direction(rawValue: raw)
        {
            settings.direction = direction
        }
        if let root = table.string("sysfs_root") { settings.sysfsRoot = root }
        if let path = table.string("boot_id_path") { settings.bootIDPath = path }
        if let rate = table.parsed("max_rate", ByteCount.init(parsing:)) {
            if rate.bytes <= 0 { table.error("max_rate", "`max_rate` (bytes per second) must be more than zero") }
            settings.maxRate = rate
        }
        table.finish(allowing: ["type", "interfaces", "direction", "sysfs_root", "boot_id_path", "max_rate"])
        return interfaces.isEmpty ? nil : settings
    }

    static func makeProvider(_ settings: CounterProviderSettings, context: ProviderContext) -> any UsageProvider {
        CounterProvider(settings: settings, store: context.store, logger: context.logger)
    }
}
