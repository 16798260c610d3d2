public import SimwatchCore

/// A command run without a shell that prints one reading as JSON on stdout (see docs/providers.md).
public struct ExecProviderSettings: ProviderSettings {
    public static let type = "exec"
    /// How the secret reaches the command. Never on its command line.
    public enum SecretDelivery: String, Sendable, Hashable, CaseIterable {
        /// Written to its standard input, which is then closed.
        case stdin
        /// The path of the secret file in `$SIMWATCH_SECRET_FILE`.
        case file
    }

    /// argv: the program (absolute, or looked up in `PATH`) and its arguments.
    public var command: [String]
    public var timeout: TimeSpan
    public var secret: SecretSource?
    public var secretDelivery: SecretDelivery
    /// Extra environment variables (not for secrets: the environment of a process can be read by its user).
    public var environment: [String: String]

    public init(
        command: [String],
        timeout: TimeSpan = TimeSpan(seconds: 30),
        secret: SecretSource? = nil,
        secretDelivery: SecretDelivery = .stdin,
        environment: [String: String] = [:]
    ) {
        self.command = command
        self.timeout = timeout
        self.secret = secret
        self.secretDelivery = secretDelivery
        self.environment = environment
    }
}
