public import FoundationEssentials

extension Date {
    /// Parses RFC 3339 / ISO 8601 text with an offset or "Z" ("2026-12-15T10:00:00+01:00",
    /// "2026-12-15T09:00:00Z", "2026-12-15T10:00:00.5+0100"), and zone-less forms read as wall-clock time in
    /// `zone`: "2026-12-15 10:00:00", "2026-12-15T10:00", "2026-12-15" (midnight). A wall-clock time the zone
    /// skips gives the instant after the gap; one it repeats gives the earlier instant.
    public init(parsing text: String, zone: ZoneInfo) throws(UnitParseError) {
        var scanner = ISO8601Scanner(text: text)
        self = try scanner.parse(zone: zone)
    }

    /// ISO 8601 with seconds and the numeric offset `zone` has at this instant: "2026-11-27T08:05:00+01:00".
    public func iso8601(in zone: ZoneInfo) -> String {
        zone.localDateTime(self).iso8601
    }
}

private struct ISO8601Scanner {
    package let text: String
    package let bytes: [UInt8]
    package var position = 0

    package init(text: String) {
        self.text = text
        bytes = Array(DecimalLiteral.trimmed(text).utf8)
    }

    package var next: UInt8? { position < bytes.count ? bytes[position] : nil }

    package func failure(_ message: String) -> UnitParseError {
        UnitParseError(
            input: text,
            message: message,
            hint: "write e.g. 2026-12-15T10:00:00+01:00, 2026-12-15T09:00:00Z, 2026-12-15 10:00 or 2026-12-15"
        )
    }

    package mutating func parse(zone: ZoneInfo) throws(UnitParseError) -> Date {
        let year = try number(digits: 4)
        try expect("-")
        let month = try number(digits: 2)
        try expect("-")
        let day = try number(digits: 2)
        guard (1...12).contains(month) else { throw failure("month \(month) is out of range in '\(text)'") }
        let length = CivilCalendar.daysInMonth(year: Int64(year), month: Int64(month))
        guard day >= 1 && day <= length else {
            throw failure("day \(day) is out of range for \(year)-\(ZoneOffset.twoDigits(month)) in '\(text)'")
        }
        var hour = 0
        var minute = 0
        var second = 0
        var fraction = 0.0
        var offset: Int64?
        if next != nil {
            guard let separator = next, "Tt ".utf8.contains(separator) else {
                throw failure("expected 'T' or a space after the date in '\(text)'")
            }
            position += 1
            while next == UInt8(ascii: " ") { position += 1 }
            hour = try number(digits: 2)
            try expect(":")
            minute = try number(digits: 2)
            if next == UInt8(ascii: ":") {
                position += 1
                second = try number(digits: 2)
                if next == UInt8(ascii: ".") || next == UInt8(ascii: ",") {
                    position += 1
                    let start = position
                    while let byte = next, Self.isDigit(byte) { position += 1 }
                    guard position > start else {
                        throw failure("digits expected after the decimal point in '\(text)'")
                    }
                    fraction = Double("0." + String(decoding: bytes[start..<position], as: UTF8.self)) ?? 0
                }
            }
            guard hour <= 23, minute <= 59, second <= 59 else {
                throw failure("time \(hour):\(minute):\(second) is out of range in '\(text)'")
            }
            if next == UInt8(ascii: " ") { position += 1 }
            offset = try parseOffset()
        }
        guard next == nil else { throw failure("unexpected text at the end of '\(text)'") }
        let local = ZoneInfo.localSeconds(
            year: year,
            month: month,
            day: day,
            hour: hour,
            minute: minute,
            second: second
        )
        let instant = offset.map { local - $0 } ?? zone.resolve(local: local).instants[0]
        return Date(timeIntervalSince1970: Double(instant) + fraction)
    }

    /// "Z", "+01:00", "+0100", "+01", "+00:09:21", or nothing; seconds east of UTC.
    package mutating func parseOffset() throws(UnitParseError) -> Int64? {
        guard let byte = next else { return nil }
        if byte == UInt8(ascii: "Z") || byte == UInt8(ascii: "z") {
            position += 1
            return 0
        }
        guard byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") else {
            throw failure("expected an offset such as +01:00 or Z in '\(text)'")
        }
        position += 1
        let hours = try number(digits: 2)
        var minutes = 0
        var seconds = 0
        if next == UInt8(ascii: ":") {
            position += 1
            minutes = try number(digits: 2)
            // Only the local mean time of old dates has offset seconds; iso8601 writes them, so read them back.
            if next == UInt8(ascii: ":") {
                position += 1
                seconds = try number(digits: 2)
            }
        } else if next != nil {
            minutes = try number(digits: 2)
        }
        guard hours <= 23, minutes <= 59, seconds <= 59 else { throw failure("offset out of range in '\(text)'") }
        let total = Int64(hours * 3600 + minutes * 60 + seconds)
        return byte == UInt8(ascii: "-") ? -total : total
    }

    package mutating func number(digits: Int) throws(UnitParseError) -> Int {
        var value = 0
        for _ in 0..<digits {
            guard let byte = next, Self.isDigit(byte) else {
                throw failure("'\(text)' is not a date and time")
            }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            position += 1
        }
        return value
    }

    package mutating func expect(_ character: Unicode.Scalar) throws(UnitParseError) {
        guard next == UInt8(ascii: character) else { throw failure("'\(text)' is not a date and time") }
        position += 1
    }

    package static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
