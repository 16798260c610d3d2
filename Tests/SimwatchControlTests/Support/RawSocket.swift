import Glibc
import SimwatchControl

/// A blocking Unix socket that writes arbitrary bytes, for the tests that misbehave on purpose.
// Tests hand it between threads but use it from one at a time.
final class RawSocket: @unchecked Sendable {
    private(set) var fd: Int32
    private var frames = VarlinkFrame.Buffer(limit: 16 << 20)

    init(path: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: Array(path.utf8))
            raw[path.utf8.count] = 0
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        if result != 0 {
            let code = errno
            Glibc.close(fd)
            throw POSIXError(code)
        }
    }

    deinit { close() }

    func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    /// Writes everything; a peer that closed is an error (EPIPE, no signal).
    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes {
                send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else { throw POSIXError(errno) }
            offset += count
        }
    }

    func write(_ text: String) throws { try write(Array(text.utf8)) }

    /// Writes as much of `bytes` as the peer takes within `timeout` seconds without blocking for long: returns
    /// how many bytes went out, and whether the peer closed the connection (EPIPE, reset) meanwhile.
    func writeWhileAccepted(_ bytes: [UInt8], timeout: Double) -> (written: Int, closed: Bool) {
        let deadline = ContinuousClock.now + .milliseconds(Int64(timeout * 1000))
        var offset = 0
        while offset < bytes.count && ContinuousClock.now < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let count = bytes.withUnsafeBytes {
                send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
            }
            if count > 0 {
                offset += count
            } else if errno != EAGAIN && errno != EINTR {
                return (offset, true)
            }
        }
        return (offset, false)
    }

    /// Reads up to `count` bytes if some arrive within `timeout` seconds: the number read (0 when none came), nil
    /// once the server closed the connection.
    func readSome(_ count: Int, timeout: Double) -> Int? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(timeout * 1000)) > 0 else { return 0 }
        var buffer = [UInt8](repeating: 0, count: count)
        let read = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        return read > 0 ? read : nil
    }

    /// Shuts down the sending side only: the server sees EOF but can still reply.
    func shutdownWrite() { shutdown(fd, Int32(SHUT_WR)) }

    /// The next reply; nil when the server closed the connection (EOF or reset). Throws on timeout, a bound far
    /// from the milliseconds a reply takes: under a loaded machine (the whole suite in parallel) 5 s was not.
    func readReply(timeout: Double = 30) throws -> VarlinkReply? {
        let deadline = ContinuousClock.now + .milliseconds(Int64(timeout * 1000))
        while true {
            if let message = try frames.next() { return try VarlinkReply.decode(message) }
            guard let chunk = try readChunk(until: deadline) else { return nil }
            frames.append(contentsOf: chunk)
        }
    }

    /// Seconds until the server closed the connection, discarding anything it sent; nil if it stays open past
    /// `timeout`.
    func waitForClose(timeout: Double) -> Double? {
        let start = ContinuousClock.now
        let deadline = start + .milliseconds(Int64(timeout * 1000))
        while true {
            do {
                guard try readChunk(until: deadline) != nil else { break }
            } catch {
                return nil
            }
        }
        let elapsed = start.duration(to: .now).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    }

    // nil at EOF or reset; throws when the deadline passes.
    private func readChunk(until deadline: ContinuousClock.Instant) throws -> [UInt8]? {
        let left = ContinuousClock.now.duration(to: deadline).components
        let milliseconds = max(0, left.seconds * 1000 + left.attoseconds / 1_000_000_000_000_000)
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(milliseconds)) > 0 else { throw POSIXError(ETIMEDOUT) }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count <= 0 { return nil }
        return Array(buffer[..<count])
    }
}
