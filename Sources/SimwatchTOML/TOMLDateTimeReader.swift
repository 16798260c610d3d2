/// Dates, times and date-times (RFC 3339 as TOML writes them), at their first digit, checked to exist: no month
/// 13, no February 30, no 24:00, no leap second.
enum TOMLDateTimeReader {
    /// `1979-05-27`, `1979-05-27T07:32:00`, `1979-05-27 07:32:00.5Z`, `1979-05-27t07:32:00+01:00`.
    static func dateOrDateTime(_ cursor: inout TOMLCursor) throws(TOMLSyntaxError) -> TOMLValue {
        let start = cursor.position()
        let year = try number(&cursor, digits: 4, what: "the year")
        try expect(&cursor, .minus, "a date is written YYYY-MM-DD")
        let month = try number(&cursor, digits: 2, what: "the month")
        try expect(&cursor, .minus, "a date is written YYYY-MM-DD")
        let day = try number(&cursor, digits: 2, what: "the day")
        guard (1...12).contains(month) else { throw TOMLSyntaxError("month \(month) does not exist", at: start) }
        guard (1...TOMLDate.days(inMonth: month, year: year)).contains(day) else {
            throw TOMLSyntaxError("\(TOMLDate(year: year, month: month, day: day)) does not exist", at: start)
        }
        let date = TOMLDate(year: year, month: month, day: day)
        switch cursor.peek() {
        case UInt8(ascii: "T"), UInt8(ascii: "t"):
            cursor.advance()
        case .space where cursor.peek(1)?.isDigit == true:
            cursor.advance()
        default:
            return .localDate(date)
        }
        let time = try time(&cursor)
        switch cursor.peek() {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            cursor.advance()
            return .offsetDateTime(TOMLDateTime(date: date, time: time, offsetMinutes: 0))
        case .plus, .minus:
            let negative = cursor.peek() == .minus
            cursor.advance()
            let hours = try number(&cursor, digits: 2, what: "the offset's hours")
            try expect(&cursor, .colon, "an offset is written +HH:MM")
            let minutes = try number(&cursor, digits: 2, what: "the offset's minutes")
            guard hours <= 23, minutes <= 59 else { throw TOMLSyntaxError("the offset is out of range", at: start) }
            let offset = (hours * 60 + minutes) * (negative ? -1 : 1)
            return .offsetDateTime(TOMLDateTime(date: date, time: time, offsetMinutes: offset))
        default:
            return .localDateTime(TOMLDateTime(date: date, time: time))
        }
    }

    /// `07:32:00` with an optional fraction. The second 60 (a leap second) is refused, as it cannot be a time here.
    static func time(_ cursor: inout TOMLCursor) throws(TOMLSyntaxError) -> TOMLTime {
        let start = cursor.position()
        let hour = try number(&cursor, digits: 2, what: "the hour")
        try expect(&cursor, .colon, "a time is written HH:MM:SS")
        let minute = try number(&cursor, digits: 2, what: "the minutes")
        try expect(&cursor, .colon, "a time is written HH:MM:SS (the seconds are required)")
        let second = try number(&cursor, digits: 2, what: "the seconds")
        guard hour <= 23, minute <= 59, second <= 59 else {
            throw TOMLSyntaxError(
                "the time \(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)) does not exist",
                at: start
            )
        }
        var nanosecond = 0
        if cursor.peek() == .dot {
            cursor.advance()
            guard cursor.peek()?.isDigit == true else {
                throw cursor.error("expected digits after the `.` of the seconds")
            }
            var scale = 100_000_000
            while let byte = cursor.peek(), byte.isDigit {
                nanosecond += Int(byte - UInt8(ascii: "0")) * scale
                scale /= 10
                cursor.advance()
            }
        }
        return TOMLTime(hour: hour, minute: minute, second: second, nanosecond: nanosecond)
    }

    private static func number(_ cursor: inout TOMLCursor, digits: Int, what: String) throws(TOMLSyntaxError) -> Int {
        var value = 0
        for _ in 0..<digits {
            guard let byte = cursor.peek(), byte.isDigit else {
                throw cursor.error("\(what) must be \(digits) digits, found \(cursor.found())")
            }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            cursor.advance()
        }
        return value
    }

    private static func expect(_ cursor: inout TOMLCursor, _ byte: UInt8, _ message: String) throws(TOMLSyntaxError) {
        guard cursor.peek() == byte else { throw cursor.error("\(message), found \(cursor.found())") }
        cursor.advance()
    }
}
