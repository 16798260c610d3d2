internal import CSystemd

/// Appends `DBusArgument`s to an sd-bus message, one basic value or container at a time.
enum DBusMessageWriter {
    /// Appends `argument`; a negative errno on failure, as sd-bus returns it.
    static func append(_ m: OpaquePointer, _ argument: DBusArgument) -> Int32 {
        switch argument {
        case .string(let value): return text(m, "s", value)
        case .objectPath(let value): return text(m, "o", value)
        case .bool(let value): return basic(m, "b", Int32(value ? 1 : 0))
        case .byte(let value): return basic(m, "y", value)
        case .int32(let value): return basic(m, "i", value)
        case .uint32(let value): return basic(m, "u", value)
        case .int64(let value): return basic(m, "x", value)
        case .uint64(let value): return basic(m, "t", value)
        case .double(let value): return basic(m, "d", value)
        case .array(let element, let items): return container(m, "a", element, items)
        case .dictEntry(let key, let value):
            return container(m, "e", key.signature + value.signature, [key, value])
        case .variant(let inner): return container(m, "v", inner.signature, [inner])
        case .structure(let fields): return container(m, "r", fields.map(\.signature).joined(), fields)
        }
    }

    private static func container(
        _ m: OpaquePointer,
        _ kind: Unicode.Scalar,
        _ contents: String,
        _ items: [DBusArgument]
    ) -> Int32 {
        var r = sd_bus_message_open_container(m, type(kind), contents)
        guard r >= 0 else { return r }
        for item in items {
            r = append(m, item)
            guard r >= 0 else { return r }
        }
        return sd_bus_message_close_container(m)
    }

    /// Strings go in by their own pointer (sd_bus_message_append_basic's rule for string types).
    private static func text(_ m: OpaquePointer, _ kind: Unicode.Scalar, _ value: String) -> Int32 {
        DBusArgument.text(value).withCString { sd_bus_message_append_basic(m, type(kind), $0) }
    }

    private static func basic<T>(_ m: OpaquePointer, _ kind: Unicode.Scalar, _ value: T) -> Int32 {
        var copy = value
        return withUnsafePointer(to: &copy) { sd_bus_message_append_basic(m, type(kind), $0) }
    }

    static func type(_ c: Unicode.Scalar) -> CChar { CChar(truncatingIfNeeded: c.value) }
}
