import Glibc
public import SimwatchCore

/// The one place a secret's value is read, for channels and providers alike, at the moment it is needed.
///
/// A file must be a regular file owned by the user simwatchd runs as and readable by nobody else (0600, 0400),
/// as ssh refuses a private key "with permissions too open"; a systemd credential (`$CREDENTIALS_DIRECTORY/NAME`,
/// which systemd makes private to the service) only has to be a regular file. The value is at most
/// `maximumBytes` (a larger file is refused, not cut), its trailing newline and spaces are dropped, and it may not
/// be empty. The file is opened without blocking, so a FIFO or device at the path is refused at once instead of
/// stalling the daemon. The value is never logged and never put on a command line: errors name the configuration
/// key and the file, not what is in it.
public struct SecretResolver: Sendable {
    /// Why a secret could not be read; `hint` says what to do about it.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var hint: String?
        public var description: String { message + (hint.map { "; \($0)" } ?? "") }
    }

    /// The configuration keys a secret was given with, for messages: a webhook's `secret_file`, ntfy's
    /// `token_file`.
    public struct Keys: Sendable, Hashable {
        public var file: String
        public var credential: String

        public init(file: String, credential: String) {
            self.file = file
            self.credential = credential
        }

        /// `secret_file` / `credential`: webhooks and every provider.
        public static let secret = Keys(file: "secret_file", credential: "credential")
        /// `token_file` / `token_credential`: ntfy.
        public static let token = Keys(file: "token_file", credential: "token_credential")
    }

    /// A secret is a password, a token, a signing key or a key pair: 256 KiB is far more than any of them, and
    /// more than a pipe holds (a script given its secret on stdin must cope with a large one,
    /// `ProviderTests.aScriptThatIgnoresItsSecretDoesNotHurtTheDaemon`).
    public static let maximumBytes = 262_144

    /// `$HOME` expands `~/`, `$CREDENTIALS_DIRECTORY` locates credentials; both are taken from here only.
    public let environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// The file a secret lives in (`~/` expanded; a credential's file in `$CREDENTIALS_DIRECTORY`), unchecked.
    public func path(of source: SecretSource, keys: Keys = .secret) throws(Failure) -> String {
        switch source {
        case .file(let written):
            guard written.hasPrefix("~/") else { return written }
            guard let home = environment["HOME"], !home.isEmpty else {
                throw Failure(
                    message: "`\(keys.file)` \(written): cannot expand `~`, HOME is not set",
                    hint: "write the absolute path"
                )
            }
            return home + written.dropFirst()
        case .credential(let name):
            guard let directory = environment["CREDENTIALS_DIRECTORY"], !directory.isEmpty else {
                throw Failure(
                    message: "`\(keys.credential)` \(name): $CREDENTIALS_DIRECTORY is not set",
                    hint: "run under systemd with LoadCredential=\(name):PATH, or use a 0600 file instead"
                )
            }
            // The configuration refuses such names already; a resolver that can leave the directory is a bug.
            guard !name.isEmpty, !name.contains("/"), name != ".", name != ".." else {
                throw Failure(message: "`\(keys.credential)` \(name) is not a plain file name")
            }
            return directory + "/" + name
        }
    }

    /// The secret's text, checked as described for the type.
    public func read(_ source: SecretSource, keys: Keys = .secret) throws(Failure) -> String {
        let path = try path(of: source, keys: keys)
        switch source {
        case .file: return try Self.read(path, key: keys.file, ownerOnly: true)
        case .credential: return try Self.read(path, key: keys.credential, ownerOnly: false)
        }
    }

    private static func read(_ path: String, key: String, ownerOnly: Bool) throws(Failure) -> String {
        let what = "`\(key)` \(path)"
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        guard fd >= 0 else { throw Failure(message: "\(what): cannot read: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            throw Failure(message: "\(what) is not a regular file")
        }
        if ownerOnly {
            if st.st_mode & 0o077 != 0 {
                let mode = String(st.st_mode & 0o777, radix: 8)
                throw Failure(
                    message: "\(what) is readable by others (mode \(mode)), so it is not used",
                    hint: "chmod 600 \(path)"
                )
            }
            if st.st_uid != geteuid() {
                throw Failure(
                    message: "\(what) belongs to another user",
                    hint: "chown it to the user simwatchd runs as"
                )
            }
        }
        guard st.st_size <= off_t(maximumBytes) else {
            throw Failure(message: "\(what) is larger than \(maximumBytes / 1024) KiB, so it is not a secret")
        }
        // Read one byte past the limit: a file that grew after fstat is refused too, never cut.
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count <= maximumBytes {
            let n = Glibc.read(fd, &buffer, buffer.count)
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { throw Failure(message: "\(what): cannot read: \(String(cString: strerror(errno)))") }
            guard n > 0 else { break }
            bytes += buffer[0..<n]
        }
        guard bytes.count <= maximumBytes else {
            throw Failure(message: "\(what) is larger than \(maximumBytes / 1024) KiB, so it is not a secret")
        }
        var text = String(decoding: bytes, as: UTF8.self)
        while let last = text.unicodeScalars.last, last == "\n" || last == "\r" || last == " " || last == "\t" {
            text.unicodeScalars.removeLast()
        }
        guard !text.isEmpty else { throw Failure(message: "\(what) is empty") }
        return text
    }
}
