import Glibc
import SimwatchControl

/// A real server on a real socket in a fresh directory under /tmp, with `TestHandler`.
struct TestServer: Sendable {
    let directory: String
    let path: String
    let server: VarlinkServer
    let probe: Probe
    let logs: Probe

    /// Runs `body` against a fresh server, then stops it and removes the directory.
    static func with<T: Sendable>(
        limits: VarlinkLimits = VarlinkLimits(),
        allowedUIDs: Set<uid_t> = [getuid()],
        _ body: (TestServer) async throws -> T
    ) async throws -> T {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/run/control.sock"
        let listener = try ControlSocket.bind(path: path)
        let probe = Probe()
        let logs = Probe()
        let server = VarlinkServer(
            listener: listener,
            info: VarlinkServiceInfo(
                vendor: "simwatch",
                product: "simwatchd",
                version: "0.1.0-test",
                url: "https://example.org/simwatch",
                interfaces: [
                    (ControlInterface.name, ControlInterface.description),
                    (TestHandler.interface, TestHandler.description),
                ]
            ),
            handler: TestHandler(probe: probe),
            limits: limits,
            allowedUIDs: allowedUIDs,
            log: { logs.add($0) }
        )
        let running = Task { await server.run() }
        let context = TestServer(directory: directory.path, path: path, server: server, probe: probe, logs: logs)
        do {
            let result = try await body(context)
            server.stop()
            await running.value
            return result
        } catch {
            server.stop()
            await running.value
            throw error
        }
    }

    /// A blocking client call on its own thread.
    func call(_ method: String, _ parameters: JSONValue = .object([:]), more: Bool = false) async throws -> [JSONValue]
    {
        let path = self.path
        return try await blocking {
            try VarlinkClient(path: path, timeout: 60).callRaw(method: method, parameters: parameters, more: more)
        }
    }

    /// The error an error reply carries; fails the test when the call succeeds.
    func error(_ method: String, _ parameters: JSONValue = .object([:])) async throws -> ControlError? {
        do {
            _ = try await call(method, parameters)
            return nil
        } catch let error as ControlError {
            return error
        }
    }
}
