extension TOMLParser {
    /// `1979-05-27`, `1979-05-27T07:32:00`, `1979-05-27 07:32:00.5Z`, `1979-05-27t07:32:00+01:00`.
    mutating func parseDateOrDateTime() throws(TOMLSyntaxError) -> TOMLValue {
        let start = position()
        let year = try number(digits: 4, what: "the year")
        try expect(.minus, "a date is written YYYY-MM-DD")
        let month = try number(digits: 2, what: "the month")
        try expect(.minus, "a date is written YYYY-MM-DD")
        let day = try number(digits: 2, what: "the day")
        guard (1...12).contains(month) else { throw TOMLSyntaxError("month \(month) does not exist", at: start) }
        guard (1...TOMLDate.days(inMonth: month, year: year)).contains(day) else {
            throw TOMLSyntaxError("\(TOMLDate(year: year, month: month, day: day)) does not exist", at: start)
        }
        let date = TOMLDate(year: year, month: month, day: day)
        switch peek() {
        case UInt8(ascii: "T"), UInt8(ascii: "t"):
            index += 1
        case .space where peek(1)?.isDigit == true:
            index += 1
        default:
            return .localDate(date)
        }
        let time = try parseTime()
        switch peek() {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
            return .offsetDateTime(TOMLDateTime(date: date, time: time, offsetMinutes: 0))
        case .plus, .minus:
            let negative = peek() == .minus
            index += 1
            let hours = try number(digits: 2, what: "the offset's hours")
            try expect(.colon, "an offset is written +HH:MM")
            let minutes = try number(digits: 2, what: "the offset's minutes")
            guard hours <= 23, minutes <= 59 else { throw TOMLSyntaxError("the offset is out of range", at: start) }
            let offset = (hours * 60 + minutes) * (negative ? -1 : 1)
            return .offsetDateTime(TOMLDateTime(date: date, time: time, offsetMinutes: offset))
        default:
            return .localDateTime(TOMLDateTime(date: date, time: time))
        }
    }

    /// `07:32:00` with an optional fraction. The second 60 (a leap second) is refused, as it cannot be a time here.
    mutating func parseTime() throws(TOMLSyntaxError) -> TOMLTime {
        let start = position()
        let hour = try number(digits: 2, what: "the hour")
        try expect(.colon, "a time is written HH:MM:SS")
        let minute = try number(digits: 2, what: "the minutes")
        try expect(.colon, "a time is written HH:MM:SS (the seconds are required)")
        let second = try number(digits: 2, what: "the seconds")
        guard hour <= 23, minute <= 59, second <= 59 else {
            throw TOMLSyntaxError(
                "the time \(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)) does not exist",
                at: start
            )
        }
        var nanosecond = 0
        if peek() == .dot {
            index += 1
            guard peek()?.isDigit == true else { throw error("expected digits after the `.` of the seconds") }
            var scale = 100_000_000
            while let byte = peek(), byte.isDigit {
                nanosecond += Int(byte - UInt8(ascii: "0")) * scale
                scale /= 10
                index += 1
            }
        }
        return TOMLTime(hour: hour, minute: minute, second: second, nanosecond: nanosecond)
    }

    private mutating func number(digits: Int, what: String) throws(TOMLSyntaxError) -> Int {
        var value = 0
        for _ in 0..<digits {
            guard let byte = peek(), byte.isDigit else {
                throw error("\(what) must be \(digits) digits, found \(found())")
            }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            index += 1
        }
        return value
    }

    private mutating func expect(_ byte: UInt8, _ message: String) throws(TOMLSyntaxError) {
        guard peek() == byte else { throw error("\(message), found \(found())") }
        index += 1
    }
}
