import FoundationEssentials
import Logging
import SimwatchCore
import SimwatchSystemd

/// A modem through ModemManager on the system bus: finds the modem whose SIM matches the line (ICCID or
/// operator), then either dials the USSD code (`Modem3gpp.Ussd.Initiate`) or reads the newest SMS from the
/// carrier (`Messaging`), and parses the French text with the line's patterns.
struct ModemManagerProvider: UsageProvider {
    static let service = ModemLookup.service
    static let ussdInterface = "org.freedesktop.ModemManager1.Modem.Modem3gpp.Ussd"
    static let messagingInterface = ModemLookup.messagingInterface
    static let smsInterface = ModemLookup.smsInterface

    let settings: ModemManagerProviderSettings
    let sessions: ModemSessions
    let logger: Logger

    /// The text the carrier sent, and when.
    struct Answer: Sendable {
        var text: String
        var at: Date?
        var modem: String
    }

    func read(_ request: ReadRequest) async throws -> Reading {
        let settings = self.settings
        let sessions = self.sessions
        let now = request.now
        let result = await DBusThread.run(
            { Self.ask(settings, sessions: sessions, now: now) },
            noThread: ProviderError(.unavailable, "no thread for the D-Bus call")
        )
        let answer = try result.get()
        logger.debug(
            "\(request.line.id): \(answer.modem) answered \"\(ReplyParser.preview(answer.text))\"",
            metadata: ["line": "\(request.line.id)"]
        )
        let parsed: ParsedReply
        do {
            parsed = try settings.parser.parse(answer.text)
        } catch {
            throw ProviderError(.malformed, error.message)
        }
        var reading = Reading(
            lineID: request.line.id,
            observedAt: request.now,
            providerUpdatedAt: answer.at,
            remaining: parsed.unlimited ? nil : parsed.remaining,
            used: parsed.unlimited ? nil : parsed.used,
            total: parsed.unlimited ? nil : parsed.total,
            credit: parsed.credit,
            expiresAt: parsed.expiresAt,
            status: parsed.unlimited ? .unlimited : .active,
            source: "modemmanager"
        )
        if let expires = reading.expiresAt, expires <= request.now {
            reading.status = .expired
        } else if reading.status == .active, reading.effectiveRemaining?.bytes == 0 {
            reading.status = .finished
        }
        return reading
    }

    /// The blocking part: on a worker thread.
    static func ask(
        _ settings: ModemManagerProviderSettings,
        sessions: ModemSessions,
        now: Date
    ) -> Result<Answer, ProviderError> {
        do throws(DBusError) {
            let bus = try DBusConnection(.system)
            let modem = try findModem(bus, settings)
            let answer = try sessions.exclusive(modem) { () throws(DBusError) -> Answer in
                switch settings.query {
                case .ussd(let code):
                    return Answer(
                        text: try ussd(bus, modem: modem, code: code, timeout: settings.timeout),
                        at: now,
                        modem: modem
                    )
                case .sms(let from, let maxAge):
                    let (newest, ignored) = try newestSMS(bus, modem: modem, from: from, now: now)
                    guard let sms = newest else {
                        let why = ignored > 0 ? " (\(ignored) without a time or dated in the future ignored)" : ""
                        throw DBusError(message: "no SMS from \(from) on \(modem)\(why)")
                    }
                    if let at = sms.at, now.timeIntervalSince(at) > maxAge.timeInterval {
                        throw DBusError(message: "the newest SMS from \(from) is older than \(maxAge)")
                    }
                    return sms
                }
            }
            return .success(answer)
        } catch {
            if error.timedOut { return .failure(ProviderError(.timeout, "ModemManager: \(error.message)")) }
            return .failure(ProviderError(.unavailable, "ModemManager: \(error)"))
        }
    }

    /// The modem whose SIM has the ICCID, or whose operator matches; the only modem when neither is set
    /// (`ModemLookup`, shared with the SMS channel).
    static func findModem(_ bus: DBusConnection, _ settings: ModemManagerProviderSettings) throws(DBusError) -> String {
        do {
            return try ModemLookup.find(bus, ModemChoice(iccid: settings.iccid, operatorName: settings.operatorName))
        } catch {
            if case .bus(let failure) = error { throw failure }
            throw DBusError(message: error.description)
        }
    }

    /// Dials a USSD code and returns the network's answer, ending any session left open before and after.
    static func ussd(_ bus: DBusConnection, modem: String, code: String, timeout: TimeSpan) throws(DBusError) -> String
    {
        // MMModem3gppUssdSessionState: 1 idle, 2 active, 3 user-response.
        if let state = try? bus.property(service, modem, ussdInterface, "State")?.uint, state == 2 || state == 3 {
            _ = try? bus.call(service, modem, ussdInterface, "Cancel")
        }
        let reply = try bus.call(
            service,
            modem,
            ussdInterface,
            "Initiate",
            [.string(code)],
            timeout: timeout.timeInterval
        )
        if let state = try? bus.property(service, modem, ussdInterface, "State")?.uint, state == 3 {
            _ = try? bus.call(service, modem, ussdInterface, "Cancel")
        }
        guard let text = reply.first?.string else { throw DBusError(message: "Initiate(\(code)) gave no text") }
        return text
    }

    /// An SMS stamped later than this past now is not believed: a modem or SMSC clock a few hours off (a wrong
    /// zone) is common, a message from next year is a broken clock or a forgery.
    static let futureTolerance = TimeSpan.days(1)

    /// The newest received SMS whose sender is `from`, and how many of that sender's were ignored. An SMS without a
    /// timestamp, or dated beyond `futureTolerance`, is ignored: the first cannot be shown to be younger than
    /// `sms_max_age`, the second would stay "the newest" and hide every genuine answer until its date.
    static func newestSMS(
        _ bus: DBusConnection,
        modem: String,
        from: String,
        now: Date
    ) throws(DBusError) -> (Answer?, ignored: Int) {
        let paths = try bus.call(service, modem, messagingInterface, "List").first?.array?.compactMap(\.string) ?? []
        let latest = now.addingTimeInterval(futureTolerance.timeInterval)
        var best: Answer?
        var ignored = 0
        for path in paths {
            guard let sms = try? bus.properties(service, path, smsInterface) else { continue }
            // MMSmsState: 3 received; 0 unknown is kept for modems that do not say.
            let state = sms["State"]?.uint ?? 0
            guard state == 3 || state == 0, let number = sms["Number"]?.string, sameSender(number, from),
                let text = sms["Text"]?.string
            else { continue }
            guard let at = sms["Timestamp"]?.string.flatMap(parseTimestamp), at <= latest else {
                ignored += 1
                continue
            }
            if best == nil || at >= (best?.at ?? .distantPast) {
                best = Answer(text: text, at: at, modem: modem)
            }
        }
        return (best, ignored)
    }

    /// "555" matches "555"; "+33 6 12 34 56 78" matches "0612345678" on the last nine digits.
    static func sameSender(_ a: String, _ b: String) -> Bool {
        if a.lowercased() == b.lowercased() { return true }
        let da = a.filter(\.isNumber)
        let db = b.filter(\.isNumber)
        guard !da.isEmpty, !db.isEmpty else { return false }
        if da.count < 9 || db.count < 9 { return da == db }
        return da.suffix(9) == db.suffix(9)
    }

    /// ModemManager writes "2026-11-27T10:15:00+01" (an offset in hours) or with ":00". A time outside 1970 to
    /// 9999 (`Plausible`) is no time: an SMS stamped 9999-12-31 must not stay "the newest" for ever.
    static func parseTimestamp(_ text: String) -> Date? {
        var date = try? Date(parsing: text, zone: .utc)
        if date == nil, let sign = text.lastIndex(where: { $0 == "+" || $0 == "-" }),
            text.distance(from: sign, to: text.endIndex) == 3
        {
            date = try? Date(parsing: text + ":00", zone: .utc)
        }
        return date.flatMap { try? Plausible.date($0, what: "SMS timestamp") }
    }
}
