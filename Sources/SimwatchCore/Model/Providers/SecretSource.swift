/// Where a secret (API key, password, token) is read from at each use. Never from the configuration itself.
public enum SecretSource: Sendable, Hashable, CustomStringConvertible {
    /// A file only its owner can read (mode 0600 or 0400).
    case file(String)
    /// A systemd credential: `$CREDENTIALS_DIRECTORY/NAME` (`LoadCredential=` / `SetCredential=`).
    case credential(String)

    public var description: String {
        switch self {
        case .file(let path): "secret file \(path)"
        case .credential(let name): "credential \(name)"
        }
    }
}
