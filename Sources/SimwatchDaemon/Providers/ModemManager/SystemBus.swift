import CSystemd
import Glibc

/// A value read from a D-Bus message, whatever its signature.
indirect enum DBusValue: Sendable, Hashable {
    case string(String)
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case array([DBusValue])
    /// a{sv}, a{oa{sv}} and friends, keyed by the string form of the key.
    case dict([String: DBusValue])
    case variant(DBusValue)
    case structure([DBusValue])

    /// Looks through variants.
    var unwrapped: DBusValue {
        if case .variant(let inner) = self { return inner.unwrapped }
        return self
    }

    var string: String? {
        if case .string(let s) = unwrapped { return s }
        return nil
    }

    var uint: UInt64? {
        switch unwrapped {
        case .uint(let u): return u
        case .int(let i): return i >= 0 ? UInt64(i) : nil
        default: return nil
        }
    }

    var dict: [String: DBusValue]? {
        if case .dict(let d) = unwrapped { return d }
        return nil
    }

    var array: [DBusValue]? {
        if case .array(let a) = unwrapped { return a }
        return nil
    }
}

/// A failed D-Bus exchange, with the bus's error name when there is one.
struct DBusError: Error, Sendable, CustomStringConvertible {
    var name: String?
    var message: String
    var timedOut: Bool = false

    var description: String { name.map { "\($0): \(message)" } ?? message }
}

/// A blocking connection to the system bus through sd-bus (which honours `DBUS_SYSTEM_BUS_ADDRESS`). Calls block
/// the calling thread: use it from a worker thread, never from the event loop.
final class SystemBus {
    private let bus: OpaquePointer

    init() throws(DBusError) {
        var handle: OpaquePointer?
        let r = sd_bus_open_system(&handle)
        guard r >= 0, let handle else {
            throw DBusError(message: "cannot connect to the system bus: \(String(cString: strerror(-r)))")
        }
        bus = handle
    }

    deinit {
        sd_bus_flush_close_unref(bus)
    }

    /// Calls a method whose arguments are all strings; returns the reply's values in order.
    func call(
        _ destination: String,
        _ path: String,
        _ interface: String,
        _ member: String,
        _ arguments: [String] = [],
        timeout: Double = 5
    ) throws(DBusError) -> [DBusValue] {
        var message: OpaquePointer?
        var r = sd_bus_message_new_method_call(bus, &message, destination, path, interface, member)
        guard r >= 0, let message else { throw Self.failure(r, "cannot build \(member)") }
        defer { sd_bus_message_unref(message) }
        for argument in arguments {
            r = argument.withCString { sd_bus_message_append_basic(message, CChar(UInt8(ascii: "s")), $0) }
            guard r >= 0 else { throw Self.failure(r, "cannot add an argument to \(member)") }
        }
        var error = sd_bus_error()
        var reply: OpaquePointer?
        r = sd_bus_call(bus, message, UInt64(timeout * 1_000_000), &error, &reply)
        defer {
            sd_bus_error_free(&error)
            if let reply { sd_bus_message_unref(reply) }
        }
        guard r >= 0, let reply else {
            let name = error.name.map { String(cString: $0) }
            let text = error.message.map { String(cString: $0) } ?? String(cString: strerror(-r))
            throw DBusError(name: name, message: "\(member): \(text)", timedOut: r == -ETIMEDOUT)
        }
        var values: [DBusValue] = []
        while let value = try Self.readValue(reply) { values.append(value) }
        return values
    }

    /// `org.freedesktop.DBus.Properties.GetAll`.
    func properties(_ destination: String, _ path: String, _ interface: String) throws(DBusError) -> [String: DBusValue]
    {
        let values = try call(destination, path, "org.freedesktop.DBus.Properties", "GetAll", [interface])
        return values.first?.dict ?? [:]
    }

    /// `org.freedesktop.DBus.Properties.Get`.
    func property(
        _ destination: String,
        _ path: String,
        _ interface: String,
        _ name: String
    ) throws(DBusError)
        -> DBusValue?
    {
        try call(destination, path, "org.freedesktop.DBus.Properties", "Get", [interface, name]).first?.unwrapped
    }

    private static func failure(_ r: Int32, _ what: String) -> DBusError {
        DBusError(message: "\(what): \(String(cString: strerror(-r)))")
    }

    /// Reads the next complete value at the message's read position; nil at the end of the current container.
    static func readValue(_ m: OpaquePointer) throws(DBusError) -> DBusValue? {
        var type: CChar = 0
        var contents: UnsafePointer<CChar>?
        let r = sd_bus_message_peek_type(m, &type, &contents)
        guard r >= 0 else { throw failure(r, "cannot read the reply") }
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
                    let key = try readValue(m)
                    let value = try readValue(m)
                    try exit(m)
                    if let key, let value { entries[Self.keyText(key)] = value }
                } else {
                    guard let item = try readValue(m) else { break }
                    items.append(item)
                }
            }
            try exit(m)
            return isDict ? .dict(entries) : .array(items)
        case UInt8(ascii: "v"):
            try enter(m, type, contents)
            let inner = try readValue(m)
            try exit(m)
            return .variant(inner ?? .structure([]))
        case UInt8(ascii: "r"):
            try enter(m, type, contents)
            var fields: [DBusValue] = []
            while let field = try readValue(m) { fields.append(field) }
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
            guard r >= 0 else { throw failure(r, "cannot skip a value") }
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
        guard r >= 0 else { throw failure(r, "cannot read a container") }
    }

    private static func exit(_ m: OpaquePointer) throws(DBusError) {
        let r = sd_bus_message_exit_container(m)
        guard r >= 0 else { throw failure(r, "cannot leave a container") }
    }

    private static func readBasic<T>(_ m: OpaquePointer, _ type: CChar, _ value: inout T) throws(DBusError) {
        let r = withUnsafeMutablePointer(to: &value) { sd_bus_message_read_basic(m, type, $0) }
        guard r >= 0 else { throw failure(r, "cannot read a value") }
    }
}
