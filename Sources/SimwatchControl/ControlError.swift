/// An error of the control interface: a qualified Varlink error name and its parameters.
public struct ControlError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Qualified name, e.g. "io.simwatch.Control.NoSuchLine" or "org.varlink.service.MethodNotFound".
    public var name: String
    /// The error's parameters as a JSON object.
    public var parameters: JSONValue

    public init(name: String, parameters: JSONValue = .object([:])) {
        self.name = name
        self.parameters = parameters
    }

    public var description: String {
        let short = name.split(separator: ".").last.map(String.init) ?? name
        if case .object(let fields) = parameters, !fields.isEmpty {
            let text = fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            return "\(short) (\(text))"
        }
        return short
    }

    static func local(_ name: String, _ fields: [String: JSONValue]) -> ControlError {
        ControlError(name: "\(ControlInterface.name).\(name)", parameters: .object(fields))
    }

    public static func noSuchLine(_ line: String) -> ControlError { local("NoSuchLine", ["line": .string(line)]) }

    public static func noSuchRule(line: String, rule: String) -> ControlError {
        local("NoSuchRule", ["line": .string(line), "rule": .string(rule)])
    }

    public static func noSuchChannel(_ channel: String, known: [String]) -> ControlError {
        local("NoSuchChannel", ["channel": .string(channel), "known": .array(known.map(JSONValue.string))])
    }

    public static func invalidArgument(_ parameter: String, _ reason: String) -> ControlError {
        local("InvalidArgument", ["parameter": .string(parameter), "reason": .string(reason)])
    }

    public static func configInvalid(_ errors: [String]) -> ControlError {
        local("ConfigInvalid", ["errors": .array(errors.map(JSONValue.string))])
    }

    public static func deliveryFailed(channel: String, reason: String) -> ControlError {
        local("DeliveryFailed", ["channel": .string(channel), "reason": .string(reason)])
    }

    public static let shuttingDown = local("ShuttingDown", [:])

    // org.varlink.service errors every Varlink service uses.
    public static func interfaceNotFound(_ interface: String) -> ControlError {
        ControlError(
            name: "org.varlink.service.InterfaceNotFound",
            parameters: .object(["interface": .string(interface)])
        )
    }

    public static func methodNotFound(_ method: String) -> ControlError {
        ControlError(name: "org.varlink.service.MethodNotFound", parameters: .object(["method": .string(method)]))
    }

    public static func methodNotImplemented(_ method: String) -> ControlError {
        ControlError(name: "org.varlink.service.MethodNotImplemented", parameters: .object(["method": .string(method)]))
    }

    public static func invalidParameter(_ parameter: String) -> ControlError {
        ControlError(
            name: "org.varlink.service.InvalidParameter",
            parameters: .object(["parameter": .string(parameter)])
        )
    }

    public static let permissionDenied = ControlError(name: "org.varlink.service.PermissionDenied")

    public static let expectedMore = ControlError(name: "org.varlink.service.ExpectedMore")
}
