import Glibc

/// A loopback port where a TCP handshake never completes: a listener that never accepts, with its (tiny) queue
/// already full, so the kernel drops further SYNs. Tests the connect timeout without any network.
final class Blackhole: Sendable {
    let port: UInt16
    private let sockets: [Int32]

    init() throws {
        let (listener, port) = try CannedServer.listen(backlog: 0)
        var sockets = [listener]
        for _ in 0..<3 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            var address = CannedServer.loopback(port: port)
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            sockets.append(fd)
        }
        usleep(100_000)  // let the queued handshakes settle
        self.port = port
        self.sockets = sockets
    }

    func close() {
        for fd in sockets { Glibc.close(fd) }
    }
}
