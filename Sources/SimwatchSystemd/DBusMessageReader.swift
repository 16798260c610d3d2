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
        case UInt8(ascii: "b"):
            var value: Int32 = 0
            try readBasic(m, type, &value)
            return .bool(value != 0)
        case UInt8(ascii: "y"):
            var value: UInt8 = 0
            try readBasic(m, type, &value)
            return .uint(UInt64(value))
        case UInt8(ascii: "n"):
            var value: Int16 = 0
            try readBasic(m, type, &value)
            return .int(Int64(value))
        case UInt8(ascii: "q"):
            var value: UInt16 = 0
            try readBasic(m, type, &value)
            return .uint(UInt64(value))
        case UInt8(ascii: "i"), UInt8(ascii: "h"):
            var value: Int32 = 0
            try readBasic(m, type, &value)
            return .int(Int64(value))
        case UInt8(ascii: "u"):
            var value: UInt32 = 0
            try readBasic(m, type, &value)
            return .uint(UInt64(value))
        case UInt8(ascii: "x"):
            var value: Int64 = 0
            try readBasic(m, type, &value)
            return .int(value)
        case UInt8(ascii: "t"):
            var value: UInt64 = 0
            try readBasic(m, type, &value)
            return .uint(value)
        case UInt8(ascii: "d"):
            var value: Double = 0
            try readBasic(m, type, &value)
            return .double(value)
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

    private static func readBasic<T>(_ m: OpaquePointer, _ type: CChar, _ value: inout T) throws(DBusError) {
        let r = withUnsafeMutablePointer(to: &value) { sd_bus_message_read_basic(m, type, $0) }
        guard r >= 0 else { throw DBusError.errno(-r, "cannot read a value") }
    }
}
