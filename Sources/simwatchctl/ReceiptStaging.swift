import Glibc
import SimwatchControl
import SimwatchCtlKit

/// Hands a receipt to simwatchd: copies the file into the state directory's `receipts/incoming/` (which the daemon
/// can read even when its sandbox hides the user's files), 0600 and never through a link, and names it in the call.
/// The daemon checks it, hashes it and keeps it named for its content.
enum ReceiptStaging {
    /// The daemon's limit, checked here first so a large file is refused before it is copied.
    static let maximumBytes = 20 << 20

    static func stage(_ path: String, session: DaemonSession) throws(CtlFailure) -> StagedReceipt {
        let source = open(path, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { throw failure("cannot open the receipt \(path)") }
        defer { close(source) }
        var info = stat()
        guard fstat(source, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw CtlFailure("the receipt \(path) is not a regular file")
        }
        guard info.st_size <= maximumBytes else {
            throw CtlFailure("the receipt \(path) is larger than 20 MiB; receipts are kept whole")
        }
        let (status, _) = try session.call(GetStatus.self)
        let incoming = status.stateDir + "/receipts/incoming"
        for directory in [status.stateDir + "/receipts", incoming] where mkdir(directory, 0o700) != 0 && errno != EEXIST
        {
            throw failure("cannot create \(directory)")
        }
        let staged = "ctl-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).part"
        let target = incoming + "/" + staged
        let output = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard output >= 0 else { throw failure("cannot write \(target)") }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else {
                unlink(target)
                throw failure("cannot read the receipt \(path)")
            }
            if count == 0 { break }
            var written = 0
            while written < count {
                let n = buffer.withUnsafeBytes { write(output, $0.baseAddress! + written, count - written) }
                if n < 0, errno == EINTR { continue }
                guard n > 0 else {
                    unlink(target)
                    throw failure("cannot write \(target)")
                }
                written += n
            }
        }
        guard fsync(output) == 0 else {
            unlink(target)
            throw failure("cannot write \(target)")
        }
        let name = path.split(separator: "/").last.map(String.init) ?? "receipt"
        return StagedReceipt(staged: staged, name: name)
    }

    private static func failure(_ what: String) -> CtlFailure {
        CtlFailure("\(what): \(String(cString: strerror(errno)))")
    }
}
