import Glibc
public import SimwatchCore

/// Reads secrets at the moment they are needed, refusing files that others can read (as ssh refuses a private
/// key with group or other permissions). The secret's bytes are never logged and never put on a command line;
/// errors name the file, not its content.
public struct SecretReader: Sendable {
    let environment: [String: String]
    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// The file a secret lives in.
    public func path(of source: SecretSource) throws(ProviderError) -> String {
        switch source {
        case .file(let path):
            if path.hasPrefix("~/") {
                guard let home = environment["HOME"], !home.isEmpty else {
                    throw ProviderError(.unauthorized, "cannot expand \(path): HOME is not set")
                }
                return home + path.dropFirst()
            }
            return path
        case .credential(let name):
            guard let directory = environment["CREDENTIALS_DIRECTORY"], !directory.isEmpty else {
                throw ProviderError(
                    .unauthorized,
                    "credential \(name): $CREDENTIALS_DIRECTORY is not set (use LoadCredential= in the unit)"
                )
            }
            return directory + "/" + name
        }
    }

    /// The secret as text, without a final newline, through the same checks as the channels' secrets.
    public func read(_ source: SecretSource) throws(ProviderError) -> String {
        do {
            return try SecretLoader.load(source, environment: environment)
        } catch {
            throw ProviderError(.unauthorized, error.description)
        }
    }
}
