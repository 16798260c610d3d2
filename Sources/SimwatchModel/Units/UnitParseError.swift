/// A value written by a person (configuration, command line, provider text) could not be understood.
///
/// `message` says what is wrong, `hint` (when present) says what would have been accepted.
public struct UnitParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text as it was given.
    public var input: String
    /// What is wrong with `input`, in a sentence fragment such as "unknown unit 'xb' in '5 xb'".
    public var message: String
    /// What would be accepted instead, such as "add a unit, e.g. 15m".
    public var hint: String?

    /// Creates an error about `input`.
    public init(input: String, message: String, hint: String? = nil) {
        self.input = input
        self.message = message
        self.hint = hint
    }

    /// The message followed by the hint, when there is one: "'15' has no unit (hint: add a unit, e.g. 15m)".
    public var description: String {
        guard let hint else { return message }
        return "\(message) (hint: \(hint))"
    }
}
