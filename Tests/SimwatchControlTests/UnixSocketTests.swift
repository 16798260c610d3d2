import Glibc
import Testing

@testable import SimwatchControl

@Suite struct UnixSocketTests {
    @Test func acceptedConnectionsAreNonBlockingAndCloseOnExec() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let listener = try ControlSocket.bind(path: directory.path + "/control.sock")
        defer { listener.close() }
        let client = try UnixSocket.make(nonBlocking: false)
        defer { Glibc.close(client) }
        #expect(try UnixSocket.withAddress(listener.path) { connect(client, $0, $1) } == 0)
        let accepted = UnixSocket.accept(listener.descriptor)
        #expect(accepted >= 0)
        defer { Glibc.close(accepted) }
        #expect(fcntl(accepted, F_GETFL) & O_NONBLOCK != 0)
        #expect(fcntl(accepted, F_GETFD) & FD_CLOEXEC != 0)
    }
}
