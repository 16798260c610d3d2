import Glibc

/// Writes node_exporter's textfile: to a temporary file beside it, then renamed over it, so the collector never reads
/// half a file.
enum TextfileWriter {
    struct Failure: Error, CustomStringConvertible {
        var call: String
        var errno: Int32
        var description: String { "\(call): \(String(cString: strerror(errno)))" }
    }

    static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw Failure(call: "open \(temporary)", errno: errno) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd)
                unlink(temporary)
                throw Failure(call: "write \(temporary)", errno: code)
            }
            written += count
        }
        guard close(fd) == 0 else {
            let code = errno
            unlink(temporary)
            throw Failure(call: "close \(temporary)", errno: code)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw Failure(call: "rename to \(path)", errno: code)
        }
    }
}
