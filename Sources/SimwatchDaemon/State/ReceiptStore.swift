import Glibc
public import SimwatchCore
import SimwatchCrypto
import SimwatchLoop

/// Receipts kept in the state directory's `receipts/`, named for their content (the first 16 hex digits of their
/// SHA-256, then the name they had), so a ledger entry's receipt survives the download folder.
///
/// `simwatchctl renew --receipt FILE` copies the file into `receipts/incoming/` (the daemon's sandbox may not see the
/// user's files) and names it in the call; the store checks it (a regular file of ours, not a link, at most
/// `maximumBytes`), hashes it and moves it into place. Files are 0600, the directories 0700.
public struct ReceiptStore: Sendable {
    public let directory: String
    /// Receipts are PDFs and screenshots; anything larger is not one.
    public static let maximumBytes: Int64 = 20 << 20

    public init(stateDirectory: String) {
        directory = stateDirectory + "/receipts"
    }

    /// Where `simwatchctl` puts a file for `keep`.
    public var incoming: String { directory + "/incoming" }

    /// Moves the staged file `staged` (a name in `incoming/`) into the store as `name`; the same content kept
    /// before is kept once.
    public func keep(staged: String, name: String) async throws(RequestError) -> Receipt {
        let result: Result<Receipt, RequestError> = await withCheckedContinuation { answer in
            let started = WorkerThread.detach {
                answer.resume(
                    returning: Result { () throws(RequestError) in
                        try keepBlocking(staged: staged, name: name)
                    }
                )
            }
            if !started { answer.resume(returning: .failure(.invalid(parameter: "receipt", reason: "no thread"))) }
        }
        return try result.get()
    }

    /// Keeps the staged file, or removes it when it cannot be kept (nothing else would ever clear it).
    private func keepBlocking(staged: String, name: String) throws(RequestError) -> Receipt {
        do {
            return try keepOrFail(staged: staged, name: name)
        } catch {
            if Self.isPlainName(staged) {
                let path = incoming + "/" + staged
                var info = stat()
                if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == getuid() { unlink(path) }
            }
            throw error
        }
    }

    private func keepOrFail(staged: String, name: String) throws(RequestError) -> Receipt {
        guard Self.isPlainName(staged) else {
            throw .invalid(parameter: "receipt", reason: "the staged name must be a file name in receipts/incoming")
        }
        let original = Self.cleanName(name)
        let path = incoming + "/" + staged
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw Self.failure("cannot open \(path)", errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Self.failure("cannot read \(path)", errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .invalid(parameter: "receipt", reason: "\(path) is not a regular file")
        }
        guard info.st_uid == getuid() else {
            throw .invalid(parameter: "receipt", reason: "\(path) belongs to another user")
        }
        guard Int64(info.st_size) <= Self.maximumBytes else {
            unlink(path)
            throw .invalid(parameter: "receipt", reason: "larger than \(ByteCount(bytes: Self.maximumBytes))")
        }
        let digest: SHA256Digest
        do { digest = try SHA256Digest() } catch {
            throw .invalid(parameter: "receipt", reason: "cannot hash it: \(error)")
        }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var total: Int64 = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw Self.failure("cannot read \(path)", errno) }
            if count == 0 { break }
            total += Int64(count)
            guard total <= Self.maximumBytes else {
                unlink(path)
                throw .invalid(parameter: "receipt", reason: "larger than \(ByteCount(bytes: Self.maximumBytes))")
            }
            do {
                try buffer.withUnsafeBytes { try digest.update(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            } catch {
                throw .invalid(parameter: "receipt", reason: "cannot hash it")
            }
        }
        let sha256: String
        do { sha256 = try digest.finish() } catch { throw .invalid(parameter: "receipt", reason: "cannot hash it") }
        let file = "\(sha256.prefix(16))-\(original)"
        let target = directory + "/" + file
        var existing = stat()
        if lstat(target, &existing) == 0, (existing.st_mode & S_IFMT) == S_IFREG, Int64(existing.st_size) == total {
            unlink(path)  // kept before: the name says the content is the same
        } else {
            fchmod(fd, 0o600)
            guard rename(path, target) == 0 else { throw Self.failure("cannot keep it as \(target)", errno) }
            let dir = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if dir >= 0 {
                fsync(dir)
                close(dir)
            }
        }
        return Receipt(file: file, sha256: sha256, bytes: total, originalName: original)
    }

    /// A name without a directory, dots at its start or odd characters.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 200 && !name.hasPrefix(".")
            && name.utf8.allSatisfy { isSafe($0) }
    }

    /// The name it had, made safe to keep: letters, digits, dot, dash and underscore (others become "_"), at most 80
    /// characters, never hidden; "receipt" when nothing is left.
    static func cleanName(_ name: String) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        var bytes = Array(base.utf8.map { isSafe($0) ? $0 : UInt8(ascii: "_") }.prefix(80))
        while bytes.first == UInt8(ascii: ".") { bytes.removeFirst() }
        return bytes.isEmpty ? "receipt" : String(decoding: bytes, as: UTF8.self)
    }

    private static func isSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default: false
        }
    }

    private static func failure(_ what: String, _ code: Int32) -> RequestError {
        .invalid(parameter: "receipt", reason: "\(what): \(String(cString: strerror(code)))")
    }
}
