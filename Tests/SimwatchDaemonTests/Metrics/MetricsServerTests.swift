import Glibc
import SimwatchConfig
import Testing

@testable import SimwatchDaemon

@Suite struct MetricsServerTests {
    /// Sends `request` to 127.0.0.1:`port` and reads the answer until the server closes (at most 5 s).
    static func exchange(_ request: [UInt8], port: Int) -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var sa = sockaddr_in()
        sa.sin_family = sa_family_t(AF_INET)
        sa.sin_port = in_port_t(UInt16(port).bigEndian)
        sa.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &sa) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return "connect failed" }
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            answer += buffer[..<count]
        }
        return String(decoding: answer, as: UTF8.self)
    }

    @Test func servesThePageAndRefusesTheRest() throws {
        let server = try MetricsServer(address: MetricsSettings.ListenAddress(host: "127.0.0.1", port: 0))
        #expect(server.port > 0)
        server.publish(Array("simwatch_up 1\n".utf8))
        #expect(server.start())
        defer { server.stop() }
        let ok = Self.exchange(Array("GET /metrics HTTP/1.1\r\nHost: t\r\n\r\n".utf8), port: server.port)
        #expect(ok.hasPrefix("HTTP/1.1 200 OK\r\n") && ok.hasSuffix("\r\n\r\nsimwatch_up 1\n"))
        let post = Self.exchange(Array("POST /metrics HTTP/1.1\r\n\r\n".utf8), port: server.port)
        #expect(post.hasPrefix("HTTP/1.1 405 "))
        let huge = Self.exchange(
            Array("GET /metrics HTTP/1.1\r\nX: ".utf8) + Array(repeating: 65, count: 9000),
            port: server.port
        )
        #expect(huge.hasPrefix("HTTP/1.1 431 "))
        server.publish(Array("simwatch_up 2\n".utf8))
        let again = Self.exchange(Array("GET /metrics HTTP/1.0\r\n\r\n".utf8), port: server.port)
        #expect(again.hasSuffix("simwatch_up 2\n"))
    }

    @Test func listenAddressesAreParsedAndLoopbackIsTold() throws {
        let v4 = try MetricsSettings.ListenAddress.parse("127.0.0.1:9787").get()
        #expect(v4.host == "127.0.0.1" && v4.port == 9787 && v4.isLoopback)
        let v6 = try MetricsSettings.ListenAddress.parse("[::1]:9787").get()
        #expect(v6.host == "::1" && v6.isIPv6 && v6.isLoopback && v6.description == "[::1]:9787")
        #expect(try MetricsSettings.ListenAddress.parse("0.0.0.0:9787").get().isLoopback == false)
        for bad in ["localhost:9787", "127.0.0.1", "127.0.0.1:0", "127.0.0.1:99999", "1.2.3:80", "[::1]9787"] {
            if case .success = MetricsSettings.ListenAddress.parse(bad) { Issue.record("\(bad) was taken") }
        }
    }
}
