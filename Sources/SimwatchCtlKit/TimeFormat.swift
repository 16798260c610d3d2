public import FoundationEssentials
public import SimwatchModel

/// How simwatchctl writes instants for people: local wall-clock time with the zone's abbreviation, and how far
/// away that is from `now`.
public struct TimeFormat: Sendable {
    /// The zone times are shown in.
    public var zone: ZoneInfo
    /// The moment "in 3d 4h" and "2m ago" count from.
    public var now: Date

    /// A formatter for `zone` as seen at `now`.
    public init(zone: ZoneInfo, now: Date) {
        self.zone = zone
        self.now = now
    }

    /// An instant as the daemon sends it (RFC 3339 with an offset); nil when it cannot be read.
    public static func wire(_ text: String?) -> Date? {
        guard let text else { return nil }
        return try? Date(parsing: text, zone: .utc)
    }

    /// "Fri 4 Dec 09:03 CET"; the year is added when it is not the current one: "Mon 4 Jan 2027 09:03 CET".
    /// A table whose heading names the zone passes its abbreviation as `shownZone`, and only times in another
    /// (summer time, say) keep theirs: "Fri 4 Dec 09:03".
    public func absolute(_ date: Date, shownZone: String? = nil) -> String {
        let local = zone.localDateTime(date)
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let year = local.year == zone.localDateTime(now).year ? "" : " \(local.year)"
        let abbreviation = local.offset.abbreviation == shownZone ? "" : " \(local.offset.abbreviation)"
        return "\(weekdays[local.weekday - 1]) \(local.day) \(Self.months[local.month - 1])\(year) "
            + "\(Self.pad(local.hour)):\(Self.pad(local.minute))\(abbreviation)"
    }

    /// The abbreviation of the zone now: "CET".
    public var zoneAbbreviation: String { zone.offset(at: now).abbreviation }

    /// "in 3d 4h", "2m ago", "now" (within a second); at most the two largest units.
    public func relative(_ date: Date) -> String {
        // Clamped to ±31 million years first: a wire time far off (or NaN) must not trap the conversion below.
        let difference = date.timeIntervalSince(now)
        let seconds = difference.isNaN ? 0 : Plausible.integer(max(-1e15, min(1e15, difference))) ?? 0
        if seconds == 0 { return "now" }
        // Past a minute, seconds are noise: "3d 23h", "4m", never "4m 10s".
        let magnitude = seconds.magnitude > 60 ? seconds.magnitude / 60 * 60 : seconds.magnitude
        let text = TimeSpan(seconds: Int64(magnitude)).description
        return seconds > 0 ? "in \(text)" : "\(text) ago"
    }

    /// "Fri 4 Dec 09:03 CET (in 3d 23h)"; `shownZone` as for `absolute`.
    public func both(_ date: Date, shownZone: String? = nil) -> String {
        "\(absolute(date, shownZone: shownZone)) (\(relative(date)))"
    }

    /// `both` for a wire time; "-" when absent, the text itself when it cannot be read.
    public func both(wire text: String?, shownZone: String? = nil) -> String {
        guard let text else { return "-" }
        return Self.wire(text).map { both($0, shownZone: shownZone) } ?? text
    }

    /// `absolute` for a wire time; "-" when absent, the text itself when it cannot be read.
    public func absolute(wire text: String?) -> String {
        guard let text else { return "-" }
        return Self.wire(text).map { absolute($0) } ?? text
    }

    /// `relative` for a wire time; "-" when absent, the text itself when it cannot be read.
    public func relative(wire text: String?) -> String {
        guard let text else { return "-" }
        return Self.wire(text).map(relative) ?? text
    }

    /// "2026-11-30 09:49:12", for event streams where every line has the same width.
    public func stamp(_ date: Date) -> String {
        let local = zone.localDateTime(date)
        return "\(local.year)-\(Self.pad(local.month))-\(Self.pad(local.day)) "
            + "\(Self.pad(local.hour)):\(Self.pad(local.minute)):\(Self.pad(local.second))"
    }

    /// "27 Nov", for chart axes.
    public func dayMonth(_ date: Date) -> String {
        let local = zone.localDateTime(date)
        return "\(local.day) \(Self.months[local.month - 1])"
    }

    /// "09:00", for chart axes.
    public func clock(_ date: Date) -> String {
        let local = zone.localDateTime(date)
        return "\(Self.pad(local.hour)):\(Self.pad(local.minute))"
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
