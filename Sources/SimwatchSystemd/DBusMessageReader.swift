internal import CSystemd

/// Reads a reply's values into `DBusValue`s, containers and all, whatever their signatures.
enum DBusMessageReader {
    /// Every value left at the message's read position, in order.
    static func all(_ m: OpaquePointer) throws(DBusError) -> [DBusValue] {
        var values: [DBusValue] = []
        while let value = try next(m) { values.append(value) }
        return values
    }

    /// Reads the next complete value at the message's read position; nil at the end of the current container.
    static func next(_ m: OpaquePointer) throws(DBusError) -> DBusValue? {
        var type: CChar = 0
        var contents: UnsafePointer<CChar>?
        let r = sd_bus_message_peek_type(m, &type, &contents)
        guard r >= 0 else { throw DBusError.errno(-r, "cannot read the reply") }
        guard r > 0 else { return nil }
        switch UInt8(bitPattern: type) {
        case UInt8(ascii: "a"):
            try enter(m, type, contents)
            var items: [DBusValue] = []
            var entries: [String: DBusValue] = [:]
            let isDict = contents.map { $0.pointee == CChar(UInt8(ascii: "{")) } ?? false
            while true {
                if isDict {
                    var entryType: CChar = 0
                    var entryContents: UnsafePointer<CChar>?
                    guard sd_bus_message_peek_type(m, &entryType, &entryContents) > 0 else { break }
                    try enter(m, entryType, entryContents)
                    let key = try next(m)
                    let value = try next(m)
                    try exit(m)
                    if let key, let value { entries[Self.keyText(key)] = value }
                } else {
                    guard let item = try next(m) else { break }
                    items.append(item)
                }
            }
            try exit(m)
            return isDict ? .dict(entries) : .array(items)
        case UInt8(ascii: "v"):
            try enter(m, type, contents)
            let inner = try next(m)
            try exit(m)
            return .variant(inner ?? .structure([]))
        case UInt8(ascii: "r"):
            try enter(m, type, contents)
            var fields: [DBusValue] = []
            while let field = try next(m) { fields.append(field) }
            try exit(m)
            return .structure(fields)
        case UInt8(ascii: "s"), UInt8(ascii: "o"), UInt8(ascii: "g"):
            var pointer: UnsafePointer<CChar>?
            try readBasic(m, type, &pointer)
            return .string(pointer.map { String(cString: $0) } ?? "")
        case UInt8(ascii: "b"): return .bool(try readNumber(m, type, Int32.self) != 0)
        case UInt8(ascii: "y"): return .uint(UInt64(try readNumber(m, type, UInt8.self)))
        case UInt8(ascii: "n"): return .int(Int64(try readNumber(m, type, Int16.self)))
        case UInt8(ascii: "q"): return .uint(UInt64(try readNumber(m, type, UInt16.self)))
        case UInt8(ascii: "i"), UInt8(ascii: "h"): return .int(Int64(try readNumber(m, type, Int32.self)))
        case UInt8(ascii: "u"): return .uint(UInt64(try readNumber(m, type, UInt32.self)))
        case UInt8(ascii: "x"): return .int(try readNumber(m, type, Int64.self))
        case UInt8(ascii: "t"): return .uint(try readNumber(m, type, UInt64.self))
        case UInt8(ascii: "d"): return .double(try readNumber(m, type, Double.self))
        default:
            let r = sd_bus_message_skip(m, nil)
            guard r >= 0 else { throw DBusError.errno(-r, "cannot skip a value") }
            return .structure([])
        }
    }

    private static func keyText(_ key: DBusValue) -> String {
        switch key.unwrapped {
        case .string(let s): s
        case .int(let i): String(i)
        case .uint(let u): String(u)
        default: "\(key)"
        }
    }

    private static func enter(_ m: OpaquePointer, _ type: CChar, _ contents: UnsafePointer<CChar>?) throws(DBusError) {
        let r = sd_bus_message_enter_container(m, type, contents)
        guard r >= 0 else { throw DBusError.errno(-r, "cannot read a container") }
    }

    private static func exit(_ m: OpaquePointer) throws(DBusError) {
        let r = sd_bus_message_exit_container(m)
        guard r >= 0 else { throw DBusError.errno(-r, "cannot leave a container") }
    }

    /// A basic value of fixed size (`b`, the integers, `d`) read as the C type `T` its code stands for.
    private static func readNumber<T: Numeric>(_ m: OpaquePointer, _ type: CChar, _: T.Type) throws(DBusError) -> T {
        var value: T = 0
        try readBasic(m, type, &value)
        return value
    }

    private static func readBasic<T>(_ m: OpaquePointer, _ type: CChar, _ value: inout T) throws(DBusError) {
        let r = withUnsafeMutablePointer(to: &value) { sd_bus_message_read_basic(m, type, $0) }
        guard r >= 0 else { throw DBusError.errno(-r, "cannot read a value") }
    }
}
