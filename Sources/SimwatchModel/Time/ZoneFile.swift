import Glibc

/// Reads the small system files a time zone comes from (TZif files, /etc/timezone, the /etc/localtime link) with
/// plain system calls.
///
/// FileManager's first use cost `simwatchctl status` a tenth of its time, more than the reading itself. Only
/// regular files are read, opened non-blocking (a FIFO put in place of /etc/localtime cannot hang a command), and
/// at most `limit` bytes of them: the largest TZif file is a few kilobytes.
enum ZoneFile {
    /// The most a zone file may hold.
    static let limit = 1 << 20

    /// The contents of the regular file at `path`; nil when it cannot be read, is not a regular file, or is larger
    /// than `limit`.
    static func contents(atPath path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size <= limit else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(status.st_size))
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            bytes += chunk[..<count]
            if bytes.count > limit { return nil }
        }
    }

    /// Where the symbolic link at `path` points, as written in the link; nil when it is not a link.
    static func linkTarget(atPath path: String) -> String? {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = buffer.withUnsafeMutableBytes { raw in
            readlink(path, raw.baseAddress!.assumingMemoryBound(to: CChar.self), raw.count - 1)
        }
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }
}
