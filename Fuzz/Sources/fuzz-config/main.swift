import FuzzSupport
import SimwatchChannels
import SimwatchConfig
import SimwatchProviders

// The configuration file: TOML text through the whole decoder (daemon settings, lines, providers, plans, rules,
// channels, templates). Errors are expected; a trap is a bug.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    _ = try? Config.parse(
        text: input.text,
        path: "/fuzz/config.toml",
        environment: ["HOME": "/home/fuzz"],
        sources: ProviderCatalog.all,
        channels: ChannelCatalog.all
    )
    return 0
}

FuzzDriver.run(fuzz)
