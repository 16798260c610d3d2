import Glibc

/// Reads a whole regular file of at most `limit` bytes: a FIFO, a device or a directory is refused rather than
/// waited on, and a file past the limit is refused before it fills memory.
enum BoundedFile {
    /// Why a file could not be read, in words for a diagnostic.
    struct Failure: Error {
        var message: String
        var hint: String
    }

    static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw Failure(message: "cannot read it: \(reason)", hint: "check the path (relative to the configuration)")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw Failure(message: "not a regular file", hint: "name a file, not a directory, pipe or device")
        }
        guard info.st_size <= limit else {
            throw Failure(message: "larger than \(limit >> 20) MiB", hint: "split it into several files")
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var count = 0
        while count < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
            }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else {
                throw Failure(message: "cannot read it: \(String(cString: strerror(errno)))", hint: "check the file")
            }
            if n == 0 { break }
            count += n
            // A file that grew while read past its limit is refused too.
            if count > limit {
                throw Failure(message: "larger than \(limit >> 20) MiB", hint: "split it into several files")
            }
            if count == bytes.count, count <= limit { bytes.append(contentsOf: repeatElement(0, count: 4096)) }
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// The names in a directory that end in `suffix` and do not start with a dot, in byte order; nil when it cannot
    /// be listed.
    static func names(in directory: String, suffix: String, limit: Int) throws(Failure) -> [String] {
        guard let dir = opendir(directory) else {
            let reason = String(cString: strerror(errno))
            throw Failure(message: "cannot list it: \(reason)", hint: "create the directory or fix `include`")
        }
        defer { closedir(dir) }
        var out: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix("."), name.hasSuffix(suffix) else { continue }
            out.append(name)
            if out.count > limit {
                throw Failure(message: "more than \(limit) files", hint: "merge fragments, or use an inventory")
            }
        }
        return out.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
