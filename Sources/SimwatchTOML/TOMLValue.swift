/// A parsed TOML value. Tables keep their keys in document order and every key's position.
public enum TOMLValue: Sendable, Hashable {
    case string(String)
    /// The full 64-bit range; a literal outside it is a syntax error, never a wrap or a trap.
    case integer(Int64)
    /// Including `inf`, `-inf` and `nan`.
    case float(Double)
    case boolean(Bool)
    case offsetDateTime(TOMLDateTime)
    case localDateTime(TOMLDateTime)
    case localDate(TOMLDate)
    case localTime(TOMLTime)
    case array([TOMLValue])
    case table(TOMLTable)

    public var string: String? {
        if case .string(let value) = self { value } else { nil }
    }

    public var integer: Int64? {
        if case .integer(let value) = self { value } else { nil }
    }

    public var float: Double? {
        if case .float(let value) = self { value } else { nil }
    }

    public var boolean: Bool? {
        if case .boolean(let value) = self { value } else { nil }
    }

    /// An offset or a local date-time.
    public var dateTime: TOMLDateTime? {
        switch self {
        case .offsetDateTime(let value), .localDateTime(let value): value
        default: nil
        }
    }

    public var date: TOMLDate? {
        if case .localDate(let value) = self { value } else { nil }
    }

    public var time: TOMLTime? {
        if case .localTime(let value) = self { value } else { nil }
    }

    public var array: [TOMLValue]? {
        if case .array(let value) = self { value } else { nil }
    }

    public var table: TOMLTable? {
        if case .table(let value) = self { value } else { nil }
    }
}
