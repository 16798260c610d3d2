/// A value read from a D-Bus message, whatever its signature: replies come back as these, so callers read
/// ModemManager's `a{oa{sa{sv}}}` or a notification id with the same few accessors.
public indirect enum DBusValue: Sendable, Hashable {
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
    public var unwrapped: DBusValue {
        if case .variant(let inner) = self { return inner.unwrapped }
        return self
    }

    public var string: String? {
        if case .string(let s) = unwrapped { return s }
        return nil
    }

    /// Unsigned integers, and signed ones that are not negative.
    public var uint: UInt64? {
        switch unwrapped {
        case .uint(let u): return u
        case .int(let i): return i >= 0 ? UInt64(i) : nil
        default: return nil
        }
    }

    public var dict: [String: DBusValue]? {
        if case .dict(let d) = unwrapped { return d }
        return nil
    }

    public var array: [DBusValue]? {
        if case .array(let a) = unwrapped { return a }
        return nil
    }
}
