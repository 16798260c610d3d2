import SimwatchCore

/// Decodes `[metrics]`.
enum MetricsDecoder {
    static func decode(_ table: TableReader?) -> MetricsSettings {
        guard let table else { return MetricsSettings() }
        defer { table.finish(allowing: ["listen", "textfile", "allow_remote"]) }
        var settings = MetricsSettings()
        settings.allowRemote = table.bool("allow_remote") ?? false
        if let text = table.string("listen") {
            switch MetricsSettings.ListenAddress.parse(text) {
            case .failure(let invalid):
                table.error("listen", "`listen` = \"\(text)\" is not an address and port: \(invalid.reason)")
            case .success(let address):
                if !address.isLoopback && !settings.allowRemote {
                    table.error(
                        "listen",
                        "`listen` = \"\(text)\" is not a loopback address: other hosts could read the metrics, which"
                            + " name your lines and plans",
                        hint: "use 127.0.0.1:\(address.port), or set allow_remote = true (behind a firewall or a"
                            + " proxy that authenticates)"
                    )
                } else {
                    settings.listen = address
                }
            }
        }
        if let path = table.string("textfile") {
            if !path.hasPrefix("/") {
                table.error("textfile", "`textfile` must be an absolute path", hint: "e.g. \"\(example)\"")
            } else if !path.hasSuffix(".prom") {
                table.error("textfile", "`textfile` must end in .prom (node_exporter reads only those)")
            } else {
                settings.textfile = path
            }
        }
        if !table.has("listen") && !table.has("textfile") {
            table.error(
                nil,
                "[metrics] sets neither `listen` nor `textfile`",
                hint: "listen = \"127.0.0.1:9787\", or textfile = \"\(example)\""
            )
        }
        return settings
    }

    static let example = "/var/lib/node_exporter/textfile_collector/simwatch.prom"
}
