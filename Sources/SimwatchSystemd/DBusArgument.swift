/// A method call's argument, typed so its D-Bus signature is known before anything is written: the variadic sd-bus
/// helpers are not callable from Swift, so messages are built value by value from these.
public indirect enum DBusArgument: Sendable, Hashable {
    case string(String)
    case objectPath(String)
    case bool(Bool)
    case byte(UInt8)
    case int32(Int32)
    case uint32(UInt32)
    case int64(Int64)
    case uint64(UInt64)
    case double(Double)
    /// Items of one type; `element` is their signature, needed when there are none (`as` has element "s").
    case array(element: String, [DBusArgument])
    /// One entry of a dictionary (an array whose element is `{kv}`); the key must be a basic type.
    case dictEntry(DBusArgument, DBusArgument)
    case variant(DBusArgument)
    case structure([DBusArgument])

    /// An `as`.
    public static func strings(_ items: [String]) -> DBusArgument {
        .array(element: "s", items.map(DBusArgument.string))
    }

    /// An `a{sv}` such as a notification's hints, in the order given.
    public static func vardict(_ entries: [(String, DBusArgument)]) -> DBusArgument {
        .array(element: "{sv}", entries.map { .dictEntry(.string($0.0), .variant($0.1)) })
    }

    /// The D-Bus signature of this value.
    public var signature: String {
        switch self {
        case .string: "s"
        case .objectPath: "o"
        case .bool: "b"
        case .byte: "y"
        case .int32: "i"
        case .uint32: "u"
        case .int64: "x"
        case .uint64: "t"
        case .double: "d"
        case .array(let element, _): "a" + element
        case .dictEntry(let key, let value): "{" + key.signature + value.signature + "}"
        case .variant: "v"
        case .structure(let fields): "(" + fields.map(\.signature).joined() + ")"
        }
    }

    /// Whether this is a basic (non-container) type, the only kind a dictionary key may be.
    var isBasic: Bool {
        switch self {
        case .array, .dictEntry, .variant, .structure: false
        default: true
        }
    }

    /// Checks what sd-bus would refuse half-way through a message, with a message that says which value: array
    /// items of another type than declared, a container dictionary key, an empty structure, a dictionary entry
    /// outside an array.
    public func validate() throws(DBusError) {
        try validate(insideArray: false)
    }

    private func validate(insideArray: Bool) throws(DBusError) {
        switch self {
        case .array(let element, let items):
            guard !element.isEmpty else { throw DBusError(message: "an array needs its element signature") }
            for item in items {
                guard item.signature == element else {
                    throw DBusError(message: "array of \(element) holds a \(item.signature)")
                }
                try item.validate(insideArray: true)
            }
        case .dictEntry(let key, let value):
            guard insideArray else { throw DBusError(message: "a dictionary entry outside an array") }
            guard key.isBasic else { throw DBusError(message: "dictionary key of type \(key.signature)") }
            try value.validate(insideArray: false)
        case .variant(let inner):
            try inner.validate(insideArray: false)
        case .structure(let fields):
            guard !fields.isEmpty else { throw DBusError(message: "an empty structure") }
            for field in fields { try field.validate(insideArray: false) }
        default:
            break
        }
    }

    /// D-Bus strings may not hold NUL (sd-bus would cut them there or refuse them): NULs are dropped.
    static func text(_ value: String) -> String {
        value.utf8.contains(0) ? String(value.unicodeScalars.filter { $0 != "\0" }) : value
    }
}
