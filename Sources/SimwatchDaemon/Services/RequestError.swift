/// A failed control request, with a stable code the control service maps to a Varlink error.
public enum RequestError: Error, Sendable, Hashable {
    case noSuchLine(String)
    case noSuchRule(line: String, rule: String)
    case noSuchChannel(String, known: [String])
    case invalid(parameter: String, reason: String)
    case deliveryFailed(channel: String, reason: String)
    case shuttingDown
}
