public import FoundationEssentials

/// The local time type in effect at some instant: its distance from UTC, its abbreviation, whether it is
/// daylight saving time.
public struct ZoneOffset: Sendable, Hashable, CustomStringConvertible {
    /// Seconds east of UTC: 3600 for CET, -18000 for EST, 19800 for IST.
    public var seconds: Int
    /// The abbreviation as the zone data gives it: "CET", "EDT", "IST", "+0530", "-03".
    public var abbreviation: String
    /// Whether this is daylight saving (summer) time according to the zone data.
    public var isDST: Bool

    /// Creates an offset.
    public init(seconds: Int, abbreviation: String, isDST: Bool = false) {
        self.seconds = seconds
        self.abbreviation = abbreviation
        self.isDST = isDST
    }

    /// The offset as in ISO 8601: "+01:00", "-05:00", "+05:30", "+00:00". Offsets with seconds, which only
    /// occur as local mean time before about 1900, show them: "+00:09:21".
    public var iso8601: String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = seconds.magnitude
        var text = sign + Self.twoDigits(magnitude / 3600) + ":" + Self.twoDigits(magnitude % 3600 / 60)
        if magnitude % 60 != 0 { text += ":" + Self.twoDigits(magnitude % 60) }
        return text
    }

    /// The abbreviation and the ISO 8601 offset: "CET (+01:00)".
    public var description: String { "\(abbreviation) (\(iso8601))" }

    package static func twoDigits(_ value: some BinaryInteger) -> String {
        value < 10 && value >= 0 ? "0\(value)" : "\(value)"
    }
}

/// A named time zone read from a TZif file (RFC 8536, versions 1 to 4), normally under /usr/share/zoneinfo.
///
/// Instants after the file's last transition follow the POSIX TZ rule at its end, so "slim" files (which stop
/// at the last rule change) and "fat" ones (which list transitions to 2037) give the same answers, in 2045 too.
/// A `ZoneInfo` is a plain value: load it once, when the configuration is read, and pass it around. Its tables are
/// held by reference (one word), so the many settings that carry a zone share one copy of them.
public struct ZoneInfo: Sendable, Hashable, CustomStringConvertible {
    /// The name the zone was loaded under: "Europe/Paris", "UTC".
    public let identifier: String
    private let tables: Tables

    /// What the zone file says, shared by every copy of the value.
    private final class Tables: Sendable, Hashable {
        let transitions: [Int64]
        let transitionTypes: [Int]
        let types: [ZoneOffset]
        let rule: POSIXTimeZoneRule?

        init(transitions: [Int64], transitionTypes: [Int], types: [ZoneOffset], rule: POSIXTimeZoneRule?) {
            self.transitions = transitions
            self.transitionTypes = transitionTypes
            self.types = types
            self.rule = rule
        }

        static func == (lhs: Tables, rhs: Tables) -> Bool {
            lhs === rhs
                || (lhs.transitions == rhs.transitions && lhs.transitionTypes == rhs.transitionTypes
                    && lhs.types == rhs.types && lhs.rule == rhs.rule)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(transitions)
            hasher.combine(transitionTypes)
            hasher.combine(types)
            hasher.combine(rule)
        }
    }

    /// Instants (seconds since 1970 UTC, ascending) at which the local time type changes.
    package var transitions: [Int64] { tables.transitions }
    /// For each transition, the index in `types` of the local time type that starts there.
    package var transitionTypes: [Int] { tables.transitionTypes }
    /// The local time types; the first also applies before the first transition.
    package var types: [ZoneOffset] { tables.types }
    /// What applies after the last transition (or always, without transitions).
    package var rule: POSIXTimeZoneRule? { tables.rule }

    /// Coordinated Universal Time, built in: usable without any zone files installed.
    public static let utc = ZoneInfo(identifier: "UTC", fixed: ZoneOffset(seconds: 0, abbreviation: "UTC"))

    package init(identifier: String, fixed offset: ZoneOffset) {
        self.identifier = identifier
        tables = Tables(
            transitions: [],
            transitionTypes: [],
            types: [offset],
            rule: POSIXTimeZoneRule(standard: offset)
        )
    }

    /// A zone from the bytes of a TZif file.
    package init(identifier: String, tzif bytes: [UInt8]) throws(UnitParseError) {
        let contents: TZifContents
        do {
            contents = try TZifContents(bytes: bytes)
        } catch {
            throw UnitParseError(
                input: identifier,
                message: "time zone '\(identifier)': invalid TZif data (\(error.reason))",
                hint: "reinstall the tzdata package"
            )
        }
        var rule: POSIXTimeZoneRule?
        if !contents.footer.isEmpty {
            do {
                rule = try POSIXTimeZoneRule(parsing: contents.footer)
            } catch {
                throw UnitParseError(input: identifier, message: "time zone '\(identifier)': \(error.message)")
            }
        }
        self.identifier = identifier
        tables = Tables(
            transitions: contents.transitions,
            transitionTypes: contents.transitionTypes,
            types: contents.types,
            rule: rule
        )
    }

    /// A zone described by a POSIX TZ rule alone, as `TZ` may hold: "CET-1CEST,M3.5.0,M10.5.0/3".
    package init(identifier: String, posixRule: String) throws(UnitParseError) {
        let rule = try POSIXTimeZoneRule(parsing: posixRule)
        self.identifier = identifier
        tables = Tables(transitions: [], transitionTypes: [], types: [rule.standard], rule: rule)
    }

    /// The identifier.
    public var description: String { identifier }

    /// The local time type in effect at `date`.
    public func offset(at date: Date) -> ZoneOffset {
        offset(at: Self.instant(of: date))
    }

    /// The wall-clock date and time at `date`.
    public func localDateTime(_ date: Date) -> LocalDateTime {
        let instant = Self.instant(of: date)
        return LocalDateTime(instant: instant, offset: offset(at: instant))
    }

    /// The instant at a wall-clock time in this zone.
    ///
    /// When the clock skips that time (spring forward), the result is the first instant after the gap, i.e. the
    /// transition itself: 02:30 on a day Paris jumps from 02:00 to 03:00 gives 03:00 CEST. When the time occurs
    /// twice (fall back) the earlier instant is taken. Out-of-range fields carry over: month 13 is January of
    /// the next year, day 32 of January is 1 February, hour 24 is midnight of the next day.
    public func date(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0) -> Date {
        let local = Self.localSeconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return Date(timeIntervalSince1970: Double(resolve(local: local).instants[0]))
    }

    package func offset(at instant: Int64) -> ZoneOffset {
        guard let first = transitions.first, let last = transitions.last else {
            return rule?.offset(at: instant) ?? types[0]
        }
        if instant > last, let rule { return rule.offset(at: instant) }
        if instant < first { return types[0] }
        var low = 0
        var high = transitions.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if transitions[middle] <= instant { low = middle } else { high = middle - 1 }
        }
        return types[transitionTypes[low]]
    }

    /// The instants showing wall-clock time `local` (seconds since 1970-01-01 00:00 local).
    package struct Resolution {
        /// Ascending: one instant, two in an overlap, or in a gap the transition that skips `local`.
        var instants: [Int64]
        var isGap: Bool
    }

    package func resolve(local: Int64) -> Resolution {
        // UTC offsets stay within ±26 hours (RFC 8536), so every instant showing `local` lies within 2 days.
        let low = local - 2 * 86_400
        let high = local + 2 * 86_400
        var segments: [(start: Int64, offset: Int64)] = [(low, Int64(offset(at: low).seconds))]
        for change in changes(in: low...high) where change > low {
            segments.append((change, Int64(offset(at: change).seconds)))
        }
        var instants: [Int64] = []
        for (index, segment) in segments.enumerated() {
            let end = index + 1 < segments.count ? segments[index + 1].start : high + 1
            let candidate = local - segment.offset
            if candidate >= segment.start && candidate < end { instants.append(candidate) }
        }
        if !instants.isEmpty { return Resolution(instants: instants, isGap: false) }
        for index in segments.indices.dropFirst() {
            let before = segments[index - 1].offset
            let after = segments[index].offset
            if local >= segments[index].start + before && local < segments[index].start + after {
                return Resolution(instants: [segments[index].start], isGap: true)
            }
        }
        return Resolution(instants: [local - Int64(offset(at: local).seconds)], isGap: false)
    }

    /// The instants within `range` at which the local time type may change, ascending.
    package func changes(in range: ClosedRange<Int64>) -> [Int64] {
        var result: [Int64] = []
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle] < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        while low < transitions.count && transitions[low] <= range.upperBound {
            result.append(transitions[low])
            low += 1
        }
        if let rule {
            let firstYear = CivilCalendar.date(days: CivilCalendar.floorDiv(range.lowerBound, 86_400)).year - 1
            let lastYear = CivilCalendar.date(days: CivilCalendar.floorDiv(range.upperBound, 86_400)).year + 1
            for change in rule.transitions(years: firstYear...lastYear)
            where range.contains(change.instant) && change.instant > (transitions.last ?? .min) {
                result.append(change.instant)
            }
        }
        return Array(Set(result)).sorted()
    }

    /// Whole seconds since 1970, rounded down, kept within ±31 million years so calendar arithmetic cannot trap.
    package static func instant(of date: Date) -> Int64 {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        if seconds.isNaN { return 0 }
        return Int64(max(-1e15, min(1e15, seconds)))
    }

    /// Seconds since 1970 of a wall-clock time read as UTC. Fields come from outside (an SMS, a header, a
    /// command line), so each is first clamped to a range no real date needs (years within ±10 million, the
    /// others to at most that many seconds): absurd values give an absurd but finite instant, which the caller
    /// refuses through `Plausible`, instead of an overflow trap in the arithmetic below.
    package static func localSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int64 {
        let monthIndex = Int64(clamping: month).clamped(to: -120_000_000...120_000_000) - 1
        let days = CivilCalendar.days(
            year: Int64(clamping: year).clamped(to: -10_000_000...10_000_000) + CivilCalendar.floorDiv(monthIndex, 12),
            month: CivilCalendar.floorMod(monthIndex, 12) + 1,
            day: Int64(clamping: day).clamped(to: -4_000_000_000...4_000_000_000)
        )
        let limit: Int64 = 400_000_000_000_000
        return days * 86_400 + Int64(clamping: hour).clamped(to: -limit / 3600...limit / 3600) * 3600
            + Int64(clamping: minute).clamped(to: -limit / 60...limit / 60) * 60
            + Int64(clamping: second).clamped(to: -limit...limit)
    }
}

extension Int64 {
    fileprivate func clamped(to range: ClosedRange<Int64>) -> Int64 {
        Swift.min(Swift.max(self, range.lowerBound), range.upperBound)
    }
}
