public import FoundationEssentials

/// A wall-clock date and time in some zone, with the offset that was in effect.
public struct LocalDateTime: Sendable, Hashable, CustomStringConvertible {
    /// The year, e.g. 2026.
    public var year: Int
    /// The month, 1 = January ... 12 = December.
    public var month: Int
    /// The day of the month, 1...31.
    public var day: Int
    /// The hour, 0...23.
    public var hour: Int
    /// The minute, 0...59.
    public var minute: Int
    /// The second, 0...59.
    public var second: Int
    /// The ISO weekday: 1 = Monday ... 7 = Sunday.
    public var weekday: Int
    /// The local time type in effect.
    public var offset: ZoneOffset

    /// A wall-clock time; the weekday is computed from the date.
    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offset: ZoneOffset) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.offset = offset
        let days = CivilCalendar.days(year: Int64(year), month: Int64(month), day: Int64(day))
        weekday = Int(CivilCalendar.isoWeekday(days: days))
    }

    /// The wall-clock time at `instant` (whole seconds since 1970 UTC) under `offset`.
    package init(instant: Int64, offset: ZoneOffset) {
        let local = instant + Int64(offset.seconds)
        let days = CivilCalendar.floorDiv(local, 86_400)
        let secondOfDay = local - days * 86_400
        let date = CivilCalendar.date(days: days)
        year = Int(date.year)
        month = Int(date.month)
        day = Int(date.day)
        hour = Int(secondOfDay / 3600)
        minute = Int(secondOfDay % 3600 / 60)
        second = Int(secondOfDay % 60)
        weekday = Int(CivilCalendar.isoWeekday(days: days))
        self.offset = offset
    }

    /// The instant this wall-clock time and offset denote.
    public var date: Date {
        let local = ZoneInfo.localSeconds(
            year: year,
            month: month,
            day: day,
            hour: hour,
            minute: minute,
            second: second
        )
        return Date(timeIntervalSince1970: Double(local - Int64(offset.seconds)))
    }

    /// ISO 8601 / RFC 3339 with seconds and a numeric offset, never "Z": "2026-11-27T08:05:00+01:00",
    /// "2026-07-01T12:00:00+00:00".
    public var iso8601: String {
        let yearDigits = String(year.magnitude)
        let yearText = (year < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - yearDigits.count)) + yearDigits
        return "\(yearText)-\(Self.pad(month))-\(Self.pad(day))"
            + "T\(Self.pad(hour)):\(Self.pad(minute)):\(Self.pad(second))\(offset.iso8601)"
    }

    /// A short English form for messages: "Fri 27 Nov 08:05 CET".
    public var humanDescription: String {
        "\(dayDescription) \(Self.pad(hour)):\(Self.pad(minute)) \(offset.abbreviation)"
    }

    /// The day alone: "Sun 20 Dec".
    public var dayDescription: String {
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(weekdays[weekday - 1]) \(day) \(months[month - 1])"
    }

    /// The ISO 8601 form.
    public var description: String { iso8601 }

    private static func pad(_ value: Int) -> String { ZoneOffset.twoDigits(value) }
}
