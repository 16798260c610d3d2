import Glibc
public import SimwatchCore

/// Reads secrets at the moment they are needed, refusing files that others can read (as ssh refuses a private
/// key with group or other permissions). The secret's bytes are never logged and never put on a command line;
/// errors name the file, not its content.
public struct SecretReader: Sendable {
    let environment: [String: String]
    static let maxBytes = 64 * 1024

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

    /// The secret as text, without a final newline.
    public func read(_ source: SecretSource) throws(ProviderError) -> String {
        let path = try path(of: source)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ProviderError(.unauthorized, "cannot open \(source): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw ProviderError(.unauthorized, "\(source) is not a regular file")
        }
        // systemd's credentials directory is private to the service; a plain file must be private itself.
        if case .file = source {
            if info.st_mode & 0o077 != 0 {
                let mode = String(info.st_mode & 0o777, radix: 8)
                throw ProviderError(
                    .unauthorized,
                    "\(path) is readable by others (mode \(mode)): refusing it; run chmod 600 \(path)"
                )
            }
            if info.st_uid != geteuid(), info.st_uid != 0 {
                throw ProviderError(.unauthorized, "\(path) belongs to another user: refusing it")
            }
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count <= Self.maxBytes {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            bytes += buffer[0..<n]
        }
        guard bytes.count <= Self.maxBytes else { throw ProviderError(.unauthorized, "\(source) is too large") }
        while let last = bytes.last, last == 10 || last == 13 { bytes.removeLast() }
        guard !bytes.isEmpty else { throw ProviderError(.unauthorized, "\(source) is empty") }
        return String(decoding: bytes, as: UTF8.self)
    }
}
