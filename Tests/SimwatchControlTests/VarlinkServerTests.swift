import FoundationEssentials
import Glibc
import SimwatchControl
import Testing

@Suite struct VarlinkServerTests {
    @Test func getInfoListsTheServedInterfaces() async throws {
        try await TestServer.with { server in
            let path = server.path
            let info = try await blocking { try VarlinkClient(path: path).getInfo() }
            #expect(info.vendor == "simwatch")
            #expect(info.product == "simwatchd")
            #expect(info.version == "0.1.0-test")
            #expect(info.url == "https://example.org/simwatch")
            #expect(info.interfaces == ["org.varlink.service", "io.simwatch.Control", "org.example.test"])
        }
    }

    @Test func interfaceDescriptionsAreServedVerbatim() async throws {
        try await TestServer.with { server in
            let path = server.path
            let (control, service) = try await blocking {
                let client = try VarlinkClient(path: path)
                return (
                    try client.interfaceDescription("io.simwatch.Control"),
                    try client.interfaceDescription("org.varlink.service")
                )
            }
            #expect(control == ControlInterface.description)
            #expect(service.contains("interface org.varlink.service"))
            #expect(service.contains("method GetInterfaceDescription(interface: string) -> (description: string)"))
        }
    }

    @Test func unknownInterfacesAndMethodsAreStandardErrors() async throws {
        try await TestServer.with { server in
            let cases: [(String, JSONValue, ControlError)] = [
                (
                    "org.varlink.service.GetInterfaceDescription", .object(["interface": .string("com.nope")]),
                    .interfaceNotFound("com.nope")
                ),
                ("com.nope.Frob", .object([:]), .interfaceNotFound("com.nope")),
                ("NoDots", .object([:]), .interfaceNotFound("")),
                ("io.simwatch.Control.Frob", .object([:]), .methodNotFound("io.simwatch.Control.Frob")),
                ("org.varlink.service.Frob", .object([:]), .methodNotFound("org.varlink.service.Frob")),
                ("org.varlink.service.GetInterfaceDescription", .object([:]), .invalidParameter("interface")),
                ("org.example.test.Unimplemented", .object([:]), .methodNotImplemented("Unimplemented")),
            ]
            for (method, parameters, expected) in cases {
                let error = try await server.error(method, parameters)
                #expect(error == expected, "\(method)")
            }
            // The handler never saw the undeclared method.
            #expect(server.probe.all.isEmpty)
        }
    }

    @Test func typedCallsRoundTrip() async throws {
        try await TestServer.with { server in
            let path = server.path
            let status = try await blocking { try VarlinkClient(path: path).call(GetStatus.self, NoParameters()) }
            #expect(status == TestHandler.status)
            await #expect(throws: ControlError.noSuchLine("de")) {
                try await blocking { try VarlinkClient(path: path).call(GetLine.self, LineParameters(line: "de")) }
            }
            let wrongType = try await server.error("io.simwatch.Control.GetLine", .object(["line": .int(3)]))
            #expect(wrongType == .invalidParameter("line"))
        }
    }

    @Test func thePeersCredentialsReachTheHandler() async throws {
        try await TestServer.with { server in
            let reply = try await server.call("org.example.test.WhoAmI")
            #expect(
                reply == [
                    .object(["pid": .int(Int64(getpid())), "uid": .int(Int64(getuid())), "gid": .int(Int64(getgid()))])
                ]
            )
        }
    }

    @Test func moreStreamsEveryReplyAndEndsWithTheLast() async throws {
        try await TestServer.with { server in
            let replies = try await server.call("org.example.test.Count", .object(["n": .int(25)]), more: true)
            #expect(replies == (0..<25).map { .object(["i": .int(Int64($0))]) })

            let path = server.path
            let events = try await blocking {
                var summaries: [String] = []
                try VarlinkClient(path: path).stream(Events.self, OptionalLineParameters(line: nil)) { reply in
                    summaries.append(reply.event.summary)
                    return true
                }
                return summaries
            }
            #expect(events == ["event 0", "event 1", "event 2"])
            let withoutMore = try await server.error("io.simwatch.Control.Events")
            #expect(withoutMore == .expectedMore)
        }
    }

    @Test func misusingTheReplierIsAnErrorNotACrash() async throws {
        try await TestServer.with { server in
            let replies = try await server.call("org.example.test.Misuse")
            #expect(replies == [.object([:])], "the server sends {} when the handler sent nothing final")
            #expect(server.probe.contains("misuse: malformed"))
        }
    }

    @Test func upgradeIsRefused() async throws {
        try await TestServer.with { server in
            let path = server.path
            let reply = try await blocking {
                let client = try VarlinkClient(path: path)
                try client.send(VarlinkCall(method: "org.example.test.Echo", upgrade: true))
                return try client.receive(timeout: 30)
            }
            #expect(reply.controlError == .invalidParameter("upgrade"))
        }
    }

    @Test func stopClosesConnectionsAndRemovesTheSocket() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/control.sock"
        let probe = Probe()
        let server = VarlinkServer(
            listener: try ControlSocket.bind(path: path),
            info: VarlinkServiceInfo.simwatch(version: "0.1.0"),
            handler: TestHandler(probe: probe)
        )
        let running = Task { await server.run() }
        let closed = Task {
            try await blocking {
                let client = try VarlinkClient(path: path)
                #expect(try client.getInfo().interfaces == ["org.varlink.service", "io.simwatch.Control"])
                probe.add("connected")
                do throws(VarlinkTransportError) {
                    _ = try client.receive(timeout: 60)
                    return false
                } catch {
                    return error.code == .closed
                }
            }
        }
        #expect(await eventually { probe.contains("connected") })
        #expect(server.connectionCount == 1)
        server.stop()
        await running.value
        #expect(try await closed.value)
        #expect(fileType(path) == nil)
        #expect(server.connectionCount == 0)
        await #expect(throws: VarlinkTransportError.self) { try await blocking { _ = try VarlinkClient(path: path) } }
    }

    @Test func cancellingRunStopsTheServer() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/control.sock"
        let server = VarlinkServer(
            listener: try ControlSocket.bind(path: path),
            info: VarlinkServiceInfo.simwatch(version: "0.1.0"),
            handler: TestHandler(probe: Probe())
        )
        let running = Task { await server.run() }
        #expect(try await blocking { try VarlinkClient(path: path).getInfo().product } == "simwatchd")
        running.cancel()
        await running.value
        #expect(fileType(path) == nil)
    }

    @Test func notRunningIsRecognisable() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        do throws(VarlinkTransportError) {
            _ = try VarlinkClient(path: directory.path + "/control.sock")
            Issue.record("connected to nothing")
        } catch {
            #expect(error.isNotRunning)
            #expect(error.errno == ENOENT)
        }
    }
}
