import FoundationEssentials
import Glibc
import Testing

@testable import SimwatchControl

@Suite struct ControlSocketTests {
    @Test func socketIs0600AndItsNewDirectory0700() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/a/b/control.sock"
        let socket = try ControlSocket.bind(path: path)
        #expect(fileType(path) == S_IFSOCK)
        #expect(permissions(path) == 0o600)
        #expect(permissions(directory.path + "/a/b") == 0o700)
        #expect(fileType(directory.path + "/a") == S_IFDIR)
        #expect(!socket.isSocketActivated)
        #expect(UnixSocket.intOption(socket.descriptor, SOL_SOCKET, SO_ACCEPTCONN) == 1)
        #expect(fcntl(socket.descriptor, F_GETFL) & O_NONBLOCK != 0)
        #expect(fcntl(socket.descriptor, F_GETFD) & FD_CLOEXEC != 0)
        socket.close()
        #expect(fileType(path) == nil, "close() removes the socket it created")
    }

    @Test func anExistingDirectoryKeepsItsMode() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        chmod(directory.path, 0o755)
        let socket = try ControlSocket.bind(path: directory.path + "/control.sock")
        defer { socket.close() }
        #expect(permissions(directory.path) == 0o755)
    }

    @Test func aStaleSocketIsReplaced() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/control.sock"
        // A socket file nobody listens on: what a crashed daemon leaves behind.
        let stale = try UnixSocket.make(nonBlocking: false)
        #expect(try UnixSocket.withAddress(path) { Glibc.bind(stale, $0, $1) } == 0)
        Glibc.close(stale)
        #expect(fileType(path) == S_IFSOCK)

        let socket = try ControlSocket.bind(path: path)
        defer { socket.close() }
        #expect(permissions(path) == 0o600)
        let client = try UnixSocket.make(nonBlocking: false)
        defer { Glibc.close(client) }
        #expect(try UnixSocket.withAddress(path) { connect(client, $0, $1) } == 0)
    }

    @Test func aLiveSocketIsRefusedAndLeftAlone() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/control.sock"
        let first = try ControlSocket.bind(path: path)
        defer { first.close() }
        do throws(VarlinkTransportError) {
            let second = try ControlSocket.bind(path: path)
            second.close()
            Issue.record("a second bind succeeded")
        } catch {
            #expect(error.code == .addressInUse)
            #expect(error.description == "another simwatchd is already serving \(path)")
        }
        #expect(fileType(path) == S_IFSOCK)
        let client = try UnixSocket.make(nonBlocking: false)
        defer { Glibc.close(client) }
        #expect(try UnixSocket.withAddress(path) { connect(client, $0, $1) } == 0, "the first daemon still listens")
    }

    @Test func aFileThatIsNotASocketIsLeftAlone() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/control.sock"
        let fd = open(path, O_CREAT | O_WRONLY, 0o644)
        #expect(write(fd, "keep", 4) == 4)
        Glibc.close(fd)
        #expect(throws: VarlinkTransportError.self) { try ControlSocket.bind(path: path) }
        do throws(VarlinkTransportError) {
            _ = try ControlSocket.bind(path: path)
        } catch {
            #expect(error.code == .notASocket)
        }
        #expect(fileType(path) == S_IFREG)
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_size == 4)
    }

    @Test func closeLeavesASuccessorsSocketAlone() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/control.sock"
        let old = try ControlSocket.bind(path: path)
        unlink(path)
        let successor = try ControlSocket.bind(path: path)
        defer { successor.close() }
        old.close()
        #expect(fileType(path) == S_IFSOCK)
    }

    @Test func tooLongAPathIsAnError() {
        let path = "/tmp/" + String(repeating: "x", count: 120) + "/control.sock"
        do throws(VarlinkTransportError) {
            _ = try ControlSocket.bind(path: path)
            Issue.record("bound a path longer than sun_path")
        } catch {
            #expect(error.code == .io && error.errno == ENAMETOOLONG)
        }
    }

    @Test func defaultPathFollowsXDGRuntimeDir() {
        #expect(
            ControlSocket.defaultPath(environment: ["XDG_RUNTIME_DIR": "/run/user/1000"])
                == "/run/user/1000/simwatch/control.sock"
        )
        #expect(
            ControlSocket.defaultPath(environment: ["XDG_RUNTIME_DIR": "/tmp/rt/"]) == "/tmp/rt/simwatch/control.sock"
        )
        #expect(ControlSocket.defaultPath(environment: [:]) == "/run/user/\(getuid())/simwatch/control.sock")
        #expect(
            ControlSocket.defaultPath(environment: ["XDG_RUNTIME_DIR": ""])
                == "/run/user/\(getuid())/simwatch/control.sock"
        )
    }

    @Test func socketActivationAdoptsTheFirstDescriptor() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/control.sock"
        // What systemd would pass: a listening, blocking socket without close-on-exec.
        let fd = try UnixSocket.make(nonBlocking: false)
        #expect(try UnixSocket.withAddress(path) { Glibc.bind(fd, $0, $1) } == 0)
        #expect(listen(fd, 16) == 0)
        #expect(fcntl(fd, F_SETFD, 0) == 0)

        let me = String(getpid())
        #expect(
            try ControlSocket.adopt(environment: ["LISTEN_PID": "1", "LISTEN_FDS": "1"], firstDescriptor: fd) == nil
        )
        #expect(
            try ControlSocket.adopt(environment: ["LISTEN_PID": me, "LISTEN_FDS": "0"], firstDescriptor: fd) == nil
        )
        #expect(try ControlSocket.adopt(environment: ["LISTEN_FDS": "1"], firstDescriptor: fd) == nil)

        let socket = try #require(
            try ControlSocket.adopt(environment: ["LISTEN_PID": me, "LISTEN_FDS": "1"], firstDescriptor: fd)
        )
        #expect(socket.isSocketActivated)
        #expect(socket.path == path)
        #expect(fcntl(fd, F_GETFL) & O_NONBLOCK != 0)
        #expect(fcntl(fd, F_GETFD) & FD_CLOEXEC != 0)
        socket.close()
        #expect(fileType(path) == S_IFSOCK, "a socket-activated socket belongs to systemd")
    }

    @Test func socketActivationRejectsWhatIsNotAListeningSocket() throws {
        var pipeEnds: [Int32] = [0, 0]
        #expect(pipe(&pipeEnds) == 0)
        defer {
            Glibc.close(pipeEnds[0])
            Glibc.close(pipeEnds[1])
        }
        let environment = ["LISTEN_PID": String(getpid()), "LISTEN_FDS": "1"]
        #expect(throws: VarlinkTransportError.self) {
            try ControlSocket.adopt(environment: environment, firstDescriptor: pipeEnds[0])
        }
        let unbound = try UnixSocket.make(nonBlocking: false)
        defer { Glibc.close(unbound) }
        #expect(throws: VarlinkTransportError.self) {
            try ControlSocket.adopt(environment: environment, firstDescriptor: unbound)
        }
    }

    @Test func fromSystemdUnsetsTheVariables() throws {
        setenv("LISTEN_FDNAMES", "control", 1)
        // LISTEN_PID names another process, so nothing is adopted, but the variables must still go.
        #expect(try ControlSocket.fromSystemd(environment: ["LISTEN_PID": "1", "LISTEN_FDS": "1"]) == nil)
        #expect(getenv("LISTEN_FDNAMES") == nil)
    }

    @Test func peerCredentialsOfAConnectedPair() throws {
        var pair: [Int32] = [0, 0]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0)
        defer {
            Glibc.close(pair[0])
            Glibc.close(pair[1])
        }
        let peer = try PeerCredentials.of(socket: pair[0])
        #expect(peer == PeerCredentials(pid: getpid(), uid: getuid(), gid: getgid()))
    }
}
