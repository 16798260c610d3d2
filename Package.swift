// swift-tools-version:6.2
import PackageDescription

// CI sets SIMWATCH_WERROR=1 so warnings fail the build there without breaking a user on a newer compiler.
let werror = Context.environment["SIMWATCH_WERROR"] == "1"

let strict: [SwiftSetting] =
    [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ] + (werror ? [.treatAllWarnings(as: .error)] : [])
    // Release code reaches concrete generic types through accessor functions rather than by demangling their names,
    // which checks each generic requirement by scanning every protocol conformance in the binary the first time:
    // measured, a fifth of `simwatchctl status`'s CPU time.
    + [.unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release))]

// The static Swift runtime's link exports every symbol (`-export-dynamic`); executables need none exported.
let executableLinking: [LinkerSetting] = [.unsafeFlags(["-Xlinker", "--no-export-dynamic"])]

// simwatchctl's release build is one static executable (glibc, libstdc++ and the Swift runtime inside):
// `simwatchctl status` runs from shell prompts and monitoring checks, and loading and binding libstdc++, libm and
// libgcc_s cost more than the rest of the command. It calls nothing that needs glibc's shared modules (NSS, iconv,
// dlopen); the link warns about FoundationEssentials' getpwuid_r and the like, which simwatchctl never reaches.
// Not static-pie: glibc's static-pie start-up refuses the $ORIGIN run path SwiftPM adds (it crashes at once), and
// only `swift build --disable-local-rpath` leaves that out. simwatchd stays dynamic: it loads libcurl, libcrypto
// and libsystemd.
let staticExecutable: [LinkerSetting] = [.unsafeFlags(["-static-executable"], .when(configuration: .release))]

let package = Package(
    name: "simwatch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "simwatchd", targets: ["simwatchd"]),
        .executable(name: "simwatchctl", targets: ["simwatchctl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // HTTP and HMAC come from the system's libcurl and libcrypto (dlopen on first use): no package.
    ],
    targets: [
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        // The system's SQLite, used directly (no wrapper library: GRDB imports Foundation, and with it ICU).
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // TOML 1.0 for the configuration, our own: no Foundation, no C++ (toml++ brought libstdc++ and leaked every
        // parsed file), every key's line kept for diagnostics, nesting and size bounded.
        .target(name: "SimwatchTOML", swiftSettings: strict),
        // Mustache templates for reminders, our own: no Foundation (so no ICU), no dependencies.
        .target(name: "SimwatchMustache", swiftSettings: strict),
        // What the daemon and simwatchctl both speak: sizes, durations, money, time zones, dates, quiet hours, the
        // version. No dependencies, so simwatchctl carries no TOML, templates or store.
        .target(name: "SimwatchModel", swiftSettings: strict),
        // Pure domain: lines, rules, alert state machine, reminders, scheduling, the assessment (re-exports
        // SimwatchModel). No I/O.
        .target(
            name: "SimwatchCore",
            dependencies: ["SimwatchModel", "SimwatchMustache"],
            swiftSettings: strict
        ),
        // The configuration file: reading it, decoding it into the core's types (`[line.provider]` and
        // `[channels.NAME]` by the source and channel types it is given), and error messages that name file, line
        // and key and suggest the fix.
        .target(
            name: "SimwatchConfig",
            dependencies: ["SimwatchCore", "SimwatchTOML", "SimwatchControl"],
            swiftSettings: strict
        ),
        // The event loop (epoll, timers, signals) behind simwatchd's one thread; CEventLoop is its core.
        .target(name: "CEventLoop"),
        .target(name: "SimwatchLoop", dependencies: ["CEventLoop"], swiftSettings: strict),
        // The Varlink control protocol: interface, types, framing, server and client. No libsystemd, SQLite or HTTP,
        // so simwatchctl stays small.
        .target(name: "SimwatchControl", dependencies: ["SimwatchLoop"], swiftSettings: strict),
        // The few libcurl declarations SimwatchHTTP uses, and trampolines for its variadic calls. No libcurl
        // headers or link: libcurl.so.4 is opened with dlopen on the first request.
        .target(name: "CCurlShim"),
        // Outbound HTTP for provider APIs and webhooks over the system's libcurl: timeouts, no redirects, bounded
        // bodies, credentials kept out of messages.
        .target(name: "SimwatchHTTP", dependencies: ["CCurlShim", "SimwatchLoop"], swiftSettings: strict),
        // pipe2, posix_spawn_file_actions_addclosefrom_np and waitid(WNOWAIT), which Glibc does not show to Swift:
        // the child-process runner's close-on-exec pipes, closed descriptors and safe group kills.
        .target(name: "CProcessShim"),
        // HMAC-SHA256 for signed webhooks from the system's libcrypto.so.3 (dlopen, no link).
        .target(name: "SimwatchCrypto", swiftSettings: strict),
        // A small layer over libsqlite3: connections, cached prepared statements, typed binding and reading,
        // transactions, the migrator (which upgrades 0.1's GRDB-made databases in place).
        .target(name: "SimwatchSQLite", dependencies: ["CSQLite"], swiftSettings: strict),
        // SQLite state: readings, plan periods, alerts, outbox, retention.
        .target(
            name: "SimwatchStore",
            dependencies: ["SimwatchCore", "SimwatchSQLite"],
            swiftSettings: strict
        ),
        // sd_notify, sd_journal, listen fds, the journald log handler, and the sd-bus layer (DBusConnection) that
        // desktop notices and ModemManager share.
        .target(
            name: "SimwatchSystemd",
            dependencies: [
                "CSystemd", "SimwatchCore", "SimwatchLoop", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // What the adapters of sources and channels share: secrets (read from files and credentials, kept out of
        // messages) and the child-process runner (scripts, sendmail).
        .target(
            name: "SimwatchAdapterKit",
            dependencies: ["SimwatchCore", "SimwatchHTTP", "SimwatchLoop", "CProcessShim"],
            swiftSettings: strict
        ),
        // The sources of readings, one folder each (settings, their decoding from `[line.provider]`, the adapter,
        // the pure decoding of its answers), listed once in ProviderCatalog; Support/ holds what several share
        // (the HTTP client context, bearer tokens).
        .target(
            name: "SimwatchProviders",
            dependencies: [
                "SimwatchCore", "SimwatchConfig", "SimwatchTOML", "SimwatchStore", "SimwatchSystemd", "SimwatchHTTP",
                "SimwatchAdapterKit", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // The channels reminders go through, one folder each (settings, their decoding from `[channels.NAME]`, the
        // channel), listed once in ChannelCatalog; Journal/ is the built-in one, Support/ what the HTTP ones share.
        .target(
            name: "SimwatchChannels",
            dependencies: [
                "SimwatchCore", "SimwatchConfig", "SimwatchSystemd", "SimwatchHTTP", "SimwatchCrypto", "SimwatchAdapterKit",
            ],
            swiftSettings: strict
        ),
        // The daemon: timer, signals, the services that tie sources and channels together.
        .target(
            name: "SimwatchDaemon",
            dependencies: [
                "SimwatchCore", "SimwatchConfig", "SimwatchStore", "SimwatchSystemd", "SimwatchControl", "SimwatchHTTP",
                "SimwatchProviders", "SimwatchChannels", "SimwatchLoop", "SimwatchCrypto",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Test doubles: manual clock, scripted provider, recording channel.
        .target(
            name: "SimwatchTestKit",
            dependencies: ["SimwatchCore", "SimwatchDaemon"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "simwatchd",
            dependencies: [
                "SimwatchDaemon", "SimwatchCore", "SimwatchConfig", "SimwatchProviders", "SimwatchChannels",
                "SimwatchControl", "SimwatchLoop",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict,
            linkerSettings: executableLinking
        ),
        // simwatchctl's testable parts: time and duration arguments, tables, the history chart, reply formatting.
        .target(name: "SimwatchCtlKit", dependencies: ["SimwatchModel", "SimwatchControl"], swiftSettings: strict),
        .executableTarget(
            name: "simwatchctl",
            dependencies: [
                "SimwatchModel", "SimwatchControl", "SimwatchCtlKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict,
            linkerSettings: executableLinking + staticExecutable
        ),
        // Fixtures/ holds the Mustache specification's cases, read by the tests from the source tree.
        .testTarget(
            name: "SimwatchMustacheTests",
            dependencies: ["SimwatchMustache"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(name: "SimwatchTOMLTests", dependencies: ["SimwatchTOML"], swiftSettings: strict),
        .testTarget(name: "SimwatchHTTPTests", dependencies: ["SimwatchHTTP"], swiftSettings: strict),
        .testTarget(name: "SimwatchLoopTests", dependencies: ["SimwatchLoop"], swiftSettings: strict),
        .testTarget(name: "SimwatchCryptoTests", dependencies: ["SimwatchCrypto"], swiftSettings: strict),
        .testTarget(
            name: "SimwatchControlTests",
            dependencies: ["SimwatchControl", "SimwatchLoop"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SimwatchCoreTests",
            dependencies: ["SimwatchCore", "SimwatchConfig", "SimwatchModel", "SimwatchProviders", "SimwatchChannels"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SimwatchCtlKitTests",
            dependencies: ["SimwatchCtlKit", "SimwatchModel", "SimwatchControl"],
            swiftSettings: strict
        ),
        .testTarget(name: "SimwatchSQLiteTests", dependencies: ["SimwatchSQLite"], swiftSettings: strict),
        .testTarget(
            name: "SimwatchSystemdTests",
            dependencies: ["SimwatchSystemd", "CSystemd"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SimwatchStoreTests",
            dependencies: ["SimwatchStore", "SimwatchCore", "SimwatchSQLite"],
            // Fixtures/state-0.1.db, written by simwatch 0.1 (through GRDB), for the in-place upgrade test. Found by
            // path: a resource bundle's generated accessor would import Foundation.
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SimwatchAdapterKitTests",
            dependencies: ["SimwatchAdapterKit", "SimwatchCore", "SimwatchHTTP"],
            swiftSettings: strict
        ),
        // One folder per source, beside SimwatchProviders' own: its adapter, its decoding, its answers.
        .testTarget(
            name: "SimwatchProvidersTests",
            dependencies: [
                "SimwatchProviders", "SimwatchAdapterKit", "SimwatchCore", "SimwatchConfig", "SimwatchHTTP",
                "SimwatchStore", "SimwatchChannels", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // One folder per type of channel, beside SimwatchChannels' own.
        .testTarget(
            name: "SimwatchChannelsTests",
            dependencies: [
                "SimwatchChannels", "SimwatchAdapterKit", "SimwatchCore", "SimwatchConfig", "SimwatchHTTP", "SimwatchSystemd",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SimwatchDaemonTests",
            dependencies: [
                "SimwatchDaemon", "SimwatchTestKit", "SimwatchCore", "SimwatchConfig", "SimwatchStore",
                "SimwatchProviders", "SimwatchChannels",
            ],
            swiftSettings: strict
        ),
    ]
)
