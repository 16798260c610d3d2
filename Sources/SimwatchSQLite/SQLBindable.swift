/// A Swift value that can be bound to a statement parameter. Conformances exist for the types simwatch stores:
/// integers, doubles, strings, byte arrays and booleans; `nil` binds NULL.
public protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

extension Int64: SQLBindable {
    public var sqlValue: SQLValue { .integer(self) }
}

extension Int: SQLBindable {
    // Int is 64 bits on every platform simwatch builds for, so this never traps.
    public var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Double: SQLBindable {
    public var sqlValue: SQLValue { .real(self) }
}

extension String: SQLBindable {
    public var sqlValue: SQLValue { .text(self) }
}

extension [UInt8]: SQLBindable {
    public var sqlValue: SQLValue { .blob(self) }
}

extension Bool: SQLBindable {
    /// SQLite has no boolean: 1 or 0, as its own `TRUE` and `FALSE` are.
    public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
}
