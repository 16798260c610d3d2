/// The data a template sees. Numbers are carried as their text, so that what a template prints is exactly what the
/// caller chose (no float formatting surprises); they are always truthy, as are strings, even empty ones.
public enum MustacheValue: Sendable, Hashable {
    case string(String)
    case number(String)
    case bool(Bool)
    case list([MustacheValue])
    case dictionary([String: MustacheValue])
    /// A key that is present but has no value: falsy, prints as nothing, and stops the lookup from climbing further.
    case null

    /// A whole number, as its decimal text.
    public static func integer(_ value: some BinaryInteger) -> MustacheValue { .number(String(value)) }

    /// Whether a section shows (once, or per item of a list) rather than its inverted section.
    var isTruthy: Bool {
        switch self {
        case .bool(let b): b
        case .null: false
        case .list(let items): !items.isEmpty
        case .string, .number, .dictionary: true
        }
    }

    /// What `{{name}}` prints: a list prints its items separated by ", ", a dictionary prints nothing.
    var text: String {
        switch self {
        case .string(let s), .number(let s): s
        case .bool(let b): b ? "true" : "false"
        case .null, .dictionary: ""
        case .list(let items): items.map(\.text).joined(separator: ", ")
        }
    }
}

extension MustacheValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension MustacheValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension MustacheValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .number(String(value)) }
}

extension MustacheValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: MustacheValue...) { self = .list(elements) }
}

extension MustacheValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, MustacheValue)...) {
        self = .dictionary(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
