import Glibc
import SimwatchCore

/// Reads a secret from a file only its owner can read (refused otherwise, as ssh refuses a private key "with
/// permissions too open"), or from systemd's `$CREDENTIALS_DIRECTORY`. The value is never logged: errors name the
/// file, not what is in it.
enum SecretLoader {
    struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        var message: String
        var hint: String?
        var description: String { message + (hint.map { "; \($0)" } ?? "") }
    }

    static func load(_ source: SecretSource, environment: [String: String]) throws(Failure) -> String {
        switch source {
        case .file(let written):
            var path = written
            if path.hasPrefix("~/") { path = (environment["HOME"] ?? "") + path.dropFirst() }
            return try read(path, checkMode: true)
        case .credential(let name):
            guard let directory = environment["CREDENTIALS_DIRECTORY"], !directory.isEmpty else {
                throw Failure(
                    message: "credential `\(name)`: $CREDENTIALS_DIRECTORY is not set",
                    hint: "run under systemd with LoadCredential=\(name):PATH, or use a 0600 file instead"
                )
            }
            return try read(directory + "/" + name, checkMode: false)
        }
    }

    private static func read(_ path: String, checkMode: Bool) throws(Failure) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { throw Failure(message: "cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            throw Failure(message: "\(path) is not a regular file")
        }
        if checkMode {
            if st.st_mode & 0o077 != 0 {
                let mode = String(st.st_mode & 0o777, radix: 8)
                throw Failure(
                    message: "\(path) is readable by others (mode \(mode)), so it is not used",
                    hint: "chmod 600 \(path)"
                )
            }
            if st.st_uid != getuid() {
                throw Failure(
                    message: "\(path) belongs to another user",
                    hint: "chown it to the user simwatchd runs as"
                )
            }
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count <= 65536 {
            let n = Glibc.read(fd, &buffer, buffer.count)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            bytes += buffer[0..<n]
        }
        var text = String(decoding: bytes, as: UTF8.self)
        while let last = text.unicodeScalars.last, last == "\n" || last == "\r" || last == " " || last == "\t" {
            text.unicodeScalars.removeLast()
        }
        guard !text.isEmpty else { throw Failure(message: "\(path) is empty") }
        return text
    }
}
