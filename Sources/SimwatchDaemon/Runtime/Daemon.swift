import FoundationEssentials
import Glibc
public import Logging
import SimwatchChannels
import SimwatchConfig
import SimwatchControl
import SimwatchCore
import SimwatchHTTP
import SimwatchLoop
import SimwatchProviders
import SimwatchStore
import SimwatchSystemd

/// The long-running process: loads the configuration, opens the state, and runs the loop that turns timer ticks,
/// signals and reloads into calls on the services (`Simwatch`), telling systemd how it is going.
public struct Daemon {
    let options: DaemonOptions
    let environment: [String: String]
    let notifier = ServiceNotifier()

    public init(options: DaemonOptions, environment: [String: String]) {
        self.options = options
        self.environment = environment
    }

    /// Runs until SIGTERM or SIGINT; returns the exit status.
    public func run(logger: Logger) async -> Int32 {
        // A SIGHUP (a reload) that arrives while the daemon starts must not kill it: ignored until the signal
        // sources below report it.
        signal(SIGHUP, SIG_IGN)
        var config: Config
        do {
            config = try Config.load(
                path: options.configPath,
                environment: environment,
                sources: ProviderCatalog.all,
                channels: ChannelCatalog.all
            )
        } catch {
            if let status = FirstStart.exitStatus(options: options, environment: environment, logger: logger) {
                return status
            }
            for d in error.diagnostics { logger.error("\(d)") }
            return DaemonExit.config
        }
        let stateDirectory = options.stateDirectory ?? config.daemon.resolvedStateDirectory(environment: environment)
        let store: StateStore
        let lock: StateLock
        do {
            try Self.makeDirectory(stateDirectory)
            lock = try StateLock(directory: stateDirectory)
        } catch let error as StateLockError {
            logger.error("\(error)")
            if case .held = error { return DaemonExit.unavailable }
            return DaemonExit.cannotCreate
        } catch {
            logger.error("cannot open the state database in \(stateDirectory): \(error)")
            return DaemonExit.cannotCreate
        }
        defer { withExtendedLifetime(lock) {} }
        do {
            store = try StateStore(path: stateDirectory + "/state.db")
        } catch {
            logger.error("cannot open the state database in \(stateDirectory): \(error)")
            return DaemonExit.cannotCreate
        }
        let listener: ControlSocket
        do {
            listener = try Self.controlListener(options: options, config: config, environment: environment)
        } catch {
            logger.error("cannot serve the control socket: \(error)")
            return error.code == .addressInUse ? DaemonExit.unavailable : DaemonExit.cannotCreate
        }
        // libcurl is opened by the first request: a daemon without HTTP lines never loads it.
        let http = CurlTransport()
        let factory = ChannelFactory(environment: environment, transport: http, echoJournal: options.foreground)
        // Metrics (off by default): deliveries are counted around each channel, the server bound before anything runs.
        let stats = config.metrics.isEnabled ? DeliveryStats() : nil
        var channels: [String: any NotificationChannel]
        do {
            channels = try factory.channels(for: config)
        } catch {
            for d in error.diagnostics { logger.error("\(d)") }
            return DaemonExit.config
        }
        if let stats { channels = MeasuredChannel.wrap(channels, into: stats) }
        var metricsServer: MetricsServer?
        if let address = config.metrics.listen {
            do {
                metricsServer = try MetricsServer(address: address)
            } catch {
                logger.error("cannot serve the metrics: \(error)")
                return error.addressInUse ? DaemonExit.unavailable : DaemonExit.cannotCreate
            }
        }
        let clock = Self.clock(scale: config.daemon.timeScale, store: store)
        // Providers share the daemon's one HTTP client with the channels.
        let providers = ProviderFactory(store: store, transport: http, logger: logger, environment: environment)
        let simwatch = Simwatch(
            config: config,
            store: store,
            providers: providers,
            channels: channels,
            logger: logger,
            clock: clock,
            network: { previous, timeout in
                let answer = await DBusThread.run(
                    { NetworkManagerWatch.look(previous: previous, timeout: timeout) },
                    noThread: DBusError(message: "cannot start a thread")
                )
                return try? answer.get()
            }
        )

        let (events, feed) = AsyncStream<DaemonEvent>.makeStream(bufferingPolicy: .unbounded)
        // Reload calls from the control socket; SIGTERM answers those still waiting at once (see ReloadRequests).
        let reloads = ReloadRequests()
        let signals: SignalWatch
        do {
            signals = try SignalWatch([SIGHUP, SIGTERM, SIGINT]) { sig in
                if sig != SIGHUP { reloads.close() }
                feed.yield(sig == SIGHUP ? .reload : .stop(signal: sig))
            }
        } catch {
            logger.error("\(error)")
            return DaemonExit.cannotCreate
        }
        var watchdog: LoopTimer?
        if let interval = notifier.watchdogPingInterval() {
            watchdog = LoopTimer { feed.yield(.watchdog) }
            watchdog?.arm(every: interval)
        }
        // The status line follows what happens (readings, deliveries), and is looked at again at each watchdog ping
        // (a clock that became set, a database that takes writes again): no timer of its own wakes an idle daemon.
        let happenings = simwatch.events.subscribe(buffer: 1)
        let statusPending = PendingFlag()
        let listening = Task {
            for await _ in happenings where statusPending.raise() { feed.yield(.status) }
        }
        defer {
            watchdog?.disarm()
            signals.cancel()
            listening.cancel()
        }

        do {
            try await simwatch.start(now: clock.now())
        } catch {
            logger.error("cannot load state: \(error)")
            return DaemonExit.cannotCreate
        }
        let speed = config.daemon.timeScale != 1 ? "; time runs \(Self.number(config.daemon.timeScale))× faster" : ""
        let shard = config.daemon.shard.map { ", shard \($0) of \(config.configuredLines) configured" } ?? ""
        logger.notice(
            "watching \(config.lines.count) line(s)\(shard) from \(config.path); state in \(stateDirectory)\(speed)"
        )
        let control = ControlService(
            simwatch: simwatch,
            clock: clock,
            info: .init(startedAt: Date(), configPath: config.path, stateDirectory: stateDirectory),
            reload: {
                await reloads.ask { answer in
                    feed.yield(
                        .reloadRequest { result in
                            answer(result.mapError { ControlError.configInvalid($0.diagnostics.map(\.description)) })
                        }
                    )
                }
            }
        )
        let server = VarlinkServer(
            listener: listener,
            info: .simwatch(version: SimwatchVersion.current),
            handler: control,
            log: { [logger] line in logger.notice("control: \(line)") }
        )
        let serving = Task { await server.run() }
        let activated = listener.isSocketActivated ? " (from systemd)" : ""
        logger.info("control socket \(listener.path)\(activated)")
        // The services own their loops from here: polls, repeats, the outbox, compaction, the clock watch.
        let services = Task { await simwatch.run() }
        var metrics: (service: MetricsService, task: Task<Void, Never>)?
        if let stats {
            let service = MetricsService(
                simwatch: simwatch,
                stats: stats,
                server: metricsServer,
                textfile: config.metrics.textfile,
                logger: logger,
                now: { clock.now() }
            )
            metrics = (service, Task { await service.run() })
            if let metricsServer {
                if metricsServer.start() {
                    logger.info("metrics on http://\(config.metrics.listen!)/metrics")
                } else {
                    logger.error("cannot start the metrics server's thread")
                }
            }
        }
        var status = await simwatch.queries.statusLine()
        notifier.ready(status: status)
        // Start-up's code (arguments, configuration, migrations) will not run again.
        ResidentMemory.settle()

        loop: for await event in events {
            switch event {
            case .status, .watchdog:
                if case .status = event { statusPending.lower() }
                if case .watchdog = event {
                    notifier.watchdog()
                } else {
                    // A poll or a delivery finished: the first over HTTP loaded libcurl and its TLS stack.
                    ResidentMemory.settle()
                }
                let current = await simwatch.queries.statusLine()
                if current != status {
                    status = current
                    notifier.status(current)
                }
            case .reload:
                if case .success(let fresh) = await reload(
                    simwatch,
                    running: config,
                    factory: factory,
                    stats: stats,
                    clock: clock,
                    logger: logger
                ) {
                    config = fresh
                }
                ResidentMemory.settle()
            case .reloadRequest where reloads.isClosed:
                // Already answered ShuttingDown by the SIGTERM handler; the stop event follows.
                continue loop
            case .reloadRequest(let answer):
                let result = await reload(
                    simwatch,
                    running: config,
                    factory: factory,
                    stats: stats,
                    clock: clock,
                    logger: logger
                )
                if case .success(let fresh) = result { config = fresh }
                answer(result.map(\.lines.count))
            case .stop(let sig):
                logger.notice("stopping on signal \(sig)")
                break loop
            }
        }

        notifier.stopping()
        reloads.close()
        server.stop()
        metrics?.task.cancel()
        metricsServer?.stop()
        services.cancel()
        await services.value
        await simwatch.shutdown(now: clock.now())
        await metrics?.service.stopped()
        await serving.value
        logger.notice("stopped")
        return DaemonExit.ok
    }

    /// Validates the file first: a broken file leaves the running configuration in place and says why.
    func reload(
        _ simwatch: Simwatch,
        running: Config,
        factory: ChannelFactory,
        stats: DeliveryStats?,
        clock: any WallClock,
        logger: Logger
    ) async -> Result<Config, ConfigError> {
        notifier.reloading()
        logger.notice("reloading \(options.configPath)")
        do {
            let fresh = try Config.load(
                path: options.configPath,
                environment: environment,
                sources: ProviderCatalog.all,
                channels: ChannelCatalog.all
            )
            var channels = try factory.channels(for: fresh)
            if let stats { channels = MeasuredChannel.wrap(channels, into: stats) }
            try await simwatch.reload(fresh, channels: channels, now: clock.now())
            if fresh.daemon.timeScale != running.daemon.timeScale
                || fresh.daemon.stateDirectory != running.daemon.stateDirectory
            {
                logger.warning("time_scale and state_dir take effect at the next restart")
            }
            if fresh.metrics != running.metrics {
                logger.warning("[metrics] takes effect at the next restart")
            }
            logger.notice("configuration reloaded: \(fresh.lines.count) line(s)")
            notifier.ready(status: await simwatch.queries.statusLine())
            return .success(fresh)
        } catch let error as ConfigError {
            for d in error.diagnostics { logger.error("reload failed, keeping the running configuration: \(d)") }
            notifier.ready(
                status: "reload failed (\(error.diagnostics.first?.description ?? "")); "
                    + (await simwatch.queries.statusLine())
            )
            return .failure(error)
        } catch {
            logger.error("reload failed, keeping the running configuration: \(error)")
            notifier.ready(status: await simwatch.queries.statusLine())
            let diagnostic = ConfigDiagnostic(file: options.configPath, line: nil, context: "", message: "\(error)")
            return .failure(ConfigError([diagnostic]))
        }
    }

    /// The socket systemd passed (socket activation), else one bound at `--socket`, `daemon.control_socket` or
    /// `$XDG_RUNTIME_DIR/simwatch/control.sock`. A live daemon already serving it is not displaced.
    static func controlListener(
        options: DaemonOptions,
        config: Config,
        environment: [String: String]
    ) throws(VarlinkTransportError) -> ControlSocket {
        if let passed = try ControlSocket.fromSystemd(environment: environment) { return passed }
        let path =
            options.controlSocket ?? config.daemon.controlSocket ?? ControlSocket.defaultPath(environment: environment)
        return try ControlSocket.bind(path: path)
    }

    /// Real time, or (demos and tests) time running faster from an anchor kept in the database, so simulated time
    /// continues across restarts.
    static func clock(scale: Double, store: StateStore) -> LoopClock {
        guard scale != 1 else { return LoopClock() }
        let key = "clock_anchor_\(number(scale))"
        if let text = try? store.meta(key), let seconds = Double(text) {
            return .scaled(scale, anchor: Date(timeIntervalSince1970: seconds))
        }
        let anchor = Date()
        try? store.setMeta(key, String(anchor.timeIntervalSince1970))
        return .scaled(scale, anchor: anchor)
    }

    static func number(_ d: Double) -> String {
        d == d.rounded() ? String(Int64(d)) : String(d)
    }

    /// `mkdir -p` with 0700 for the directories it creates.
    static func makeDirectory(_ path: String) throws {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o700) != 0, errno != EEXIST {
                throw StateDirectoryError(path: current, errno: errno)
            }
        }
    }
}

struct StateDirectoryError: Error, CustomStringConvertible {
    var path: String
    var errno: Int32
    var description: String { "cannot create \(path): \(String(cString: strerror(errno)))" }
}
