// swift-tools-version:6.2
import PackageDescription

// libFuzzer harnesses for simwatch's parsers of outside data (docs/reliability.md, "Fuzzing"). Built only by
// scripts/fuzz.sh, with `-sanitize=fuzzer,address`, into its own scratch path (.build-fuzz).
//
// The libraries are the main package's own sources, reached through the symlinks in Sources/ (a path dependency on
// the main package would be keyed by its checkout's directory name, and it has no library products). Their
// dependencies and settings below must follow the main Package.swift's; `-enable-testing` lets a harness call the
// internal parsers (TZif, POSIX rules, provider decoders, Retry-After) without making them public.

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]
let testable = strict + [.unsafeFlags(["-enable-testing"])]

/// A harness: Sources/fuzz-NAME/main.swift, a `LLVMFuzzerTestOneInput` handed to the libFuzzer driver.
func harness(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(name: "fuzz-\(name)", dependencies: ["FuzzSupport"] + dependencies, swiftSettings: strict)
}

let package = Package(
    name: "simwatch-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2")
    ],
    targets: [
        // The main package's libraries (symlinks to ../Sources).
        .systemLibrary(name: "CSystemd", pkgConfig: "libsystemd", providers: [.apt(["libsystemd-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "SimwatchTOML", swiftSettings: strict),
        .target(name: "SimwatchMustache", swiftSettings: strict),
        .target(name: "SimwatchModel", swiftSettings: testable),
        .target(
            name: "SimwatchCore",
            dependencies: ["SimwatchModel", "SimwatchMustache"],
            swiftSettings: testable
        ),
        .target(
            name: "SimwatchConfig",
            dependencies: ["SimwatchCore", "SimwatchTOML", "SimwatchControl"],
            swiftSettings: testable
        ),
        .target(name: "CEventLoop"),
        .target(name: "SimwatchLoop", dependencies: ["CEventLoop"], swiftSettings: strict),
        .target(name: "SimwatchControl", dependencies: ["SimwatchLoop"], swiftSettings: testable),
        .target(name: "CCurlShim"),
        .target(name: "SimwatchHTTP", dependencies: ["CCurlShim", "SimwatchLoop"], swiftSettings: strict),
        .target(name: "SimwatchCrypto", swiftSettings: strict),
        .target(name: "CProcessShim"),
        .target(name: "SimwatchSQLite", dependencies: ["CSQLite"], swiftSettings: strict),
        .target(name: "SimwatchStore", dependencies: ["SimwatchCore", "SimwatchSQLite"], swiftSettings: strict),
        .target(
            name: "SimwatchSystemd",
            dependencies: [
                "CSystemd", "SimwatchCore", "SimwatchLoop", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "SimwatchAdapterKit",
            dependencies: ["SimwatchCore", "SimwatchHTTP", "SimwatchLoop", "CProcessShim"],
            swiftSettings: strict
        ),
        .target(
            name: "SimwatchProviders",
            dependencies: [
                "SimwatchCore", "SimwatchConfig", "SimwatchTOML", "SimwatchStore", "SimwatchSystemd", "SimwatchHTTP",
                "SimwatchAdapterKit", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: testable
        ),
        .target(
            name: "SimwatchChannels",
            dependencies: [
                "SimwatchCore", "SimwatchConfig", "SimwatchSystemd", "SimwatchHTTP", "SimwatchCrypto", "SimwatchAdapterKit",
            ],
            swiftSettings: testable
        ),
        .target(
            name: "SimwatchDaemon",
            dependencies: [
                "SimwatchCore", "SimwatchConfig", "SimwatchStore", "SimwatchSystemd", "SimwatchControl", "SimwatchHTTP",
                "SimwatchProviders", "SimwatchChannels", "SimwatchLoop", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: testable
        ),

        // The harnesses' own code.
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver"], swiftSettings: strict),
        harness("config", ["SimwatchConfig", "SimwatchCore", "SimwatchProviders", "SimwatchChannels"]),
        harness("toml", ["SimwatchTOML"]),
        harness("units", ["SimwatchCore"]),
        harness("mail-address", ["SimwatchCore"]),
        harness("script-reading", ["SimwatchProviders", "SimwatchCore"]),
        harness("json-node", ["SimwatchCore"]),
        harness("carrier-reply", ["SimwatchProviders", "SimwatchCore"]),
        harness("tzif", ["SimwatchCore"]),
        harness("posix-rule", ["SimwatchCore"]),
        harness("varlink-frame", ["SimwatchControl"]),
        harness("varlink-call", ["SimwatchControl"]),
        harness("provider-json", ["SimwatchProviders", "SimwatchAdapterKit", "SimwatchCore"]),
        harness("retry-after", ["SimwatchChannels", "SimwatchProviders", "SimwatchCore"]),
        harness("inventory", ["SimwatchConfig"]),
    ]
)
