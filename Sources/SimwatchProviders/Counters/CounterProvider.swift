import FoundationEssentials
import Glibc
import Logging
import SimwatchCore
import SimwatchStore

/// Interface counters from sysfs, accumulated over the plan period in SQLite (`counter_state`), so a restart of
/// the daemon loses nothing. The plan (quota, validity or monthly cycle) comes from the line's configuration.
struct CounterProvider: UsageProvider {
    let settings: CounterProviderSettings
    let store: StateStore?
    let logger: Logger

    func read(_ request: ReadRequest) async throws -> Reading {
        guard let store else { throw ProviderError(.unavailable, "no state database for the counters") }
        let bootID = try Self.readText(settings.bootIDPath)
        var present: [String: InterfaceCounters] = [:]
        var missing: [String] = []
        for name in settings.interfaces {
            if let counters = try sample(name) {
                present[name] = counters
            } else {
                missing.append(name)
            }
        }
        let periodStart = request.period?.startedAt ?? request.now
        let previous: CounterState?
        do {
            previous = try store.counters.state(line: request.line.id)
        } catch {
            throw ProviderError(.unavailable, "cannot load the counters' state: \(error)")
        }
        let accumulator = CounterAccumulator(direction: settings.direction, maxRate: settings.maxRate.bytes)
        let (state, events) = accumulator.step(
            previous,
            bootID: bootID,
            interfaces: present,
            at: request.now,
            periodStart: periodStart
        )
        do {
            try store.counters.save(state, line: request.line.id)
        } catch {
            throw ProviderError(.unavailable, "cannot save the counters' state: \(error)")
        }
        log(events, missing: missing, previous: previous, line: request.line.id)

        var reading = Reading(
            lineID: request.line.id,
            observedAt: request.now,
            providerUpdatedAt: request.now,
            used: ByteCount(bytes: state.used),
            total: request.period?.quota,
            expiresAt: request.period?.expiresAt,
            source: "counters"
        )
        if let quota = request.period?.quota {
            // A stored total is never negative now, but one written by an older version could be: no overflow.
            reading.remaining = ByteCount(bytes: max(0, quota.bytes - max(0, state.used)))
        }
        if let expires = reading.expiresAt, expires <= request.now {
            reading.status = .expired
        } else if reading.remaining?.bytes == 0 {
            reading.status = .finished
        }
        return reading
    }

    /// The interface's counters, or nil when it does not exist (now).
    private func sample(_ name: String) throws(ProviderError) -> InterfaceCounters? {
        let base = "\(settings.sysfsRoot)/class/net/\(name)"
        guard access(base, F_OK) == 0 else { return nil }
        let rx = try Self.readCounter("\(base)/statistics/rx_bytes")
        let tx = try Self.readCounter("\(base)/statistics/tx_bytes")
        let ifindex = (try? Self.readText("\(base)/ifindex")).flatMap { Int($0) }
        return InterfaceCounters(rx: rx, tx: tx, ifindex: ifindex)
    }

    private func log(_ events: [CounterAccumulator.Event], missing: [String], previous: CounterState?, line: String) {
        let metadata: Logger.Metadata = ["line": "\(line)"]
        for name in missing where previous?.interfaces[name] != nil {
            logger.notice("\(line): interface \(name) is gone; its usage so far is kept", metadata: metadata)
        }
        for event in events {
            switch event {
            case .firstSample, .newPeriod:
                continue
            case .rebooted:
                logger.info("\(line): the machine rebooted; counting the counters from zero", metadata: metadata)
            case .appeared(let name):
                logger.info("\(line): interface \(name) is (back) here; counting it from zero", metadata: metadata)
            case .replaced(let name):
                logger.info("\(line): interface \(name) was re-created; counting it from zero", metadata: metadata)
            case .clockWentBack(let seconds):
                logger.notice(
                    "\(line): the clock went back \(TimeSpan(seconds: seconds)) since the last sample; its traffic is counted",
                    metadata: metadata
                )
            case .wrapped(let name, let bits):
                logger.info("\(line): a \(bits)-bit counter of \(name) wrapped", metadata: metadata)
            case .discarded(let name, let bytes):
                logger.warning(
                    "\(line): discarded an implausible sample of \(name) (\(ByteCount(bytes: Int64(clamping: bytes))))",
                    metadata: metadata
                )
            }
        }
    }

    static func readCounter(_ path: String) throws(ProviderError) -> UInt64 {
        let text = try readText(path)
        guard let value = UInt64(text) else { throw ProviderError(.malformed, "\(path) holds \"\(text)\"") }
        return value
    }

    /// A small text file (sysfs, procfs), trimmed.
    static func readText(_ path: String) throws(ProviderError) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ProviderError(.unavailable, "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 256)
        var count = 0
        while count < buffer.count {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            count += n
        }
        let text = String(decoding: buffer[0..<count], as: UTF8.self)
        return String(text.filter { !$0.isWhitespace })
    }
}
