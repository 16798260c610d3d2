public import FoundationEssentials
import SimwatchConfig
public import SimwatchControl
public import SimwatchCore
import SimwatchStore

/// Answers io.simwatch.Control calls: queries from the read side, changes through the actions. It turns wire parameters into calls and
/// their answers into wire types; it decides nothing itself.
public struct ControlService: Sendable {
    /// What the daemon knows about itself.
    public struct DaemonInfo: Sendable {
        public var startedAt: Date
        public var configPath: String
        public var stateDirectory: String

        public init(startedAt: Date, configPath: String, stateDirectory: String) {
            self.startedAt = startedAt
            self.configPath = configPath
            self.stateDirectory = stateDirectory
        }
    }

    let simwatch: Simwatch
    let clock: any WallClock
    let info: DaemonInfo
    /// Reloads the configuration through the run loop (the same path as SIGHUP); the line count, or the problems
    /// (`ConfigInvalid`), or `ShuttingDown` when the daemon is stopping.
    let reload: @Sendable () async -> Result<Int, ControlError>
    /// Where receipts attached to renewals are kept.
    let receipts: ReceiptStore

    public init(
        simwatch: Simwatch,
        clock: any WallClock,
        info: DaemonInfo,
        reload: @escaping @Sendable () async -> Result<Int, ControlError>
    ) {
        self.simwatch = simwatch
        self.clock = clock
        self.info = info
        self.reload = reload
        receipts = ReceiptStore(stateDirectory: info.stateDirectory)
    }

    /// Answers a single-reply method (everything but `Events`).
    public func respond(to method: String, parameters: JSONValue) async throws(ControlError) -> JSONValue {
        let now = clock.now()
        let zone = simwatch.running.config.daemon.timeZone
        let wire = WireFormat(zone: zone)
        do {
            switch method {
            case GetStatus.method:
                return ControlCodec.encode(await status(now: now, wire: wire))
            case ListLines.method:
                let p = try ControlCodec.decode(ListLines.Parameters.self, from: parameters)
                return ControlCodec.encode(try await lines(p, now: now, wire: wire))
            case GetLine.method:
                let p = try ControlCodec.decode(GetLine.Parameters.self, from: parameters)
                let detail = try await detail(p.line, now: now, wire: wire)
                return ControlCodec.encode(GetLine.Reply(now: wire.time(now), line: detail))
            case GetOffers.method:
                let p = try ControlCodec.decode(GetOffers.Parameters.self, from: parameters)
                let advice = try await simwatch.queries.offers(of: p.line, now: now)
                return ControlCodec.encode(wire.offers(advice, line: p.line, now: now))
            case GetHistory.method:
                let p = try ControlCodec.decode(GetHistory.Parameters.self, from: parameters)
                return ControlCodec.encode(try await history(p, now: now, wire: wire))
            case Poll.method:
                let p = try ControlCodec.decode(Poll.Parameters.self, from: parameters)
                let outcomes = try await simwatch.actions.pollNow(p.line, now: now)
                return ControlCodec.encode(Poll.Reply(outcomes: outcomes.map { wire.outcome($0.0, $0.1) }))
            case Reload.method:
                switch await reload() {
                case .success(let lines): return ControlCodec.encode(Reload.Reply(lines: lines))
                case .failure(let error): throw error
                }
            case Snooze.method:
                let p = try ControlCodec.decode(Snooze.Parameters.self, from: parameters)
                let until = try wire.date(p.until, parameter: "until")
                let states = try await simwatch.actions.snooze(p.line, rule: p.rule, until: until, now: now)
                return ControlCodec.encode(
                    AlertsReply(alerts: wire.alerts(states, lines: simwatch.running.snapshot))
                )
            case Unsnooze.method:
                let p = try ControlCodec.decode(Unsnooze.Parameters.self, from: parameters)
                let states = try await simwatch.actions.unsnooze(p.line, rule: p.rule, now: now)
                return ControlCodec.encode(
                    AlertsReply(alerts: wire.alerts(states, lines: simwatch.running.snapshot))
                )
            case RecordReading.method:
                let p = try ControlCodec.decode(RecordReading.Parameters.self, from: parameters)
                let reading = try await simwatch.actions.record(p.line, reading: try wire.reading(from: p), now: now)
                return ControlCodec.encode(RecordReading.Reply(reading: wire.reading(reading)))
            case Renew.method:
                let p = try ControlCodec.decode(Renew.Parameters.self, from: parameters)
                var request = RenewalRequest(
                    data: try wire.bytes(p.dataBytes, parameter: "data_bytes"),
                    validFor: try wire.span(seconds: p.validSeconds, parameter: "valid_seconds"),
                    expires: try p.expiresAt.map { text throws(ControlError) in
                        try wire.date(text, parameter: "expires_at")
                    },
                    at: try p.at.map { text throws(ControlError) in try wire.date(text, parameter: "at") },
                    offer: p.offer,
                    price: try wire.price(p.price),
                    order: p.order,
                    note: p.note
                )
                if let staged = p.receipt {
                    _ = try simwatch.queries.line(p.line)
                    request.receipt = try await receipts.keep(staged: staged.staged, name: staged.name)
                }
                let (period, entry) = try await simwatch.actions.renew(p.line, request, now: now)
                return ControlCodec.encode(
                    Renew.Reply(
                        plan: wire.plan(period, origin: "renewal"),
                        renewal: wire.renewal(entry, receipts: receipts.directory, now: now)
                    )
                )
            case ListRenewals.method:
                let p = try ControlCodec.decode(ListRenewals.Parameters.self, from: parameters)
                let since = try p.since.map { text throws(ControlError) in try wire.date(text, parameter: "since") }
                let entries = try simwatch.queries.renewals(line: p.line, since: since)
                return ControlCodec.encode(
                    ListRenewals.Reply(
                        now: wire.time(now),
                        renewals: entries.map { wire.renewal($0, receipts: receipts.directory, now: now) }
                    )
                )
            case EditRenewal.method:
                let p = try ControlCodec.decode(EditRenewal.Parameters.self, from: parameters)
                guard let id = RenewalEntry.parseID(p.id) else {
                    throw ControlError.invalidArgument("id", "expected LINE/N, as `simwatchctl renewals` prints it")
                }
                var request = RenewalRequest(
                    offer: p.offer,
                    price: try wire.price(p.price),
                    order: p.order,
                    note: p.note
                )
                if let staged = p.receipt {
                    request.receipt = try await receipts.keep(staged: staged.staged, name: staged.name)
                }
                let entry = try await simwatch.actions.editRenewal(id.line, sequence: id.sequence, request)
                return ControlCodec.encode(
                    EditRenewal.Reply(renewal: wire.renewal(entry, receipts: receipts.directory, now: now))
                )
            case TestNotification.method:
                let p = try ControlCodec.decode(TestNotification.Parameters.self, from: parameters)
                let id = try await simwatch.actions.testNotification(channel: p.channel, line: p.line, now: now)
                return ControlCodec.encode(TestNotification.Reply(notificationId: id))
            case ListOutbox.method:
                let p = try ControlCodec.decode(ListOutbox.Parameters.self, from: parameters)
                return ControlCodec.encode(try await outbox(p, now: now, wire: wire))
            default:
                throw ControlError.methodNotFound("\(ControlInterface.name).\(method)")
            }
        } catch let error as ControlError {
            throw error
        } catch let error as RequestError {
            throw Self.wireError(error)
        } catch {
            throw ControlError.invalidArgument("parameters", "\(error)")
        }
    }

    /// Events from now on for `Events` (optionally of one line), as wire replies.
    public func events(
        parameters: JSONValue
    ) async throws(ControlError) -> AsyncMapSequence<
        AsyncFilterSequence<AsyncStream<WatchEvent>>, JSONValue
    > {
        let p = try ControlCodec.decode(Events.Parameters.self, from: parameters)
        if let line = p.line, simwatch.running.line(line) == nil {
            throw ControlError.noSuchLine(line)
        }
        let wire = WireFormat(zone: simwatch.running.config.daemon.timeZone)
        return simwatch.events.subscribe()
            .filter { event in p.line == nil || event.lineID == p.line }
            .map { event in ControlCodec.encode(Events.Reply(event: wire.event(event))) }
    }

    static func wireError(_ error: RequestError) -> ControlError {
        switch error {
        case .noSuchLine(let line): .noSuchLine(line)
        case .noSuchRule(let line, let rule): .noSuchRule(line: line, rule: rule)
        case .noSuchChannel(let channel, let known): .noSuchChannel(channel, known: known)
        case .invalid(let parameter, let reason): .invalidArgument(parameter, reason)
        case .deliveryFailed(let channel, let reason): .deliveryFailed(channel: channel, reason: reason)
        case .shuttingDown: .shuttingDown
        }
    }
}

extension ControlService: VarlinkHandler {
    public func handle(
        method: String,
        parameters: JSONValue,
        peer: PeerCredentials,
        replier: VarlinkReplier
    ) async throws(ControlError) {
        guard method == Events.method else {
            let reply = try await respond(to: method, parameters: parameters)
            try? await replier.send(reply)
            return
        }
        guard replier.wantsMore else { throw .expectedMore }
        for await event in try await events(parameters: parameters) {
            do {
                try await replier.send(event, continues: true)
            } catch {
                return  // the client went away
            }
        }
        // The feed ended: the daemon is stopping.
        throw .shuttingDown
    }
}
