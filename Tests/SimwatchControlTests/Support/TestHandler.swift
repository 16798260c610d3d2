import Glibc
import SimwatchControl

/// Serves io.simwatch.Control (GetStatus, GetLine, Events) and the test interface below, recording what it sees.
struct TestHandler: VarlinkHandler {
    static let interface = "org.example.test"

    static let description = """
        # Methods that exercise the transport.
        interface org.example.test

        method Echo(value: string) -> (value: string)
        # Replies n times (call with more).
        method Count(n: int) -> (i: int)
        method Sleep(milliseconds: int, tag: string) -> (tag: string)
        method Record(tag: string) -> ()
        # Streams until the peer goes away; records "closed" then.
        method Forever() -> (i: int)
        # Waits without replying until cancelled; records "cancelled" then.
        method Wait() -> ()
        # Streams replies of size bytes until the peer goes away.
        method Flood(size: int) -> (data: string)
        # Tries to reply with continues without more.
        method Misuse() -> ()
        method WhoAmI() -> (pid: int, uid: int, gid: int)
        method Unimplemented() -> ()
        """

    static let status = GetStatus.Reply(
        now: "2026-11-27T08:00:42+01:00",
        version: "0.1.0",
        startedAt: "2026-11-27T08:00:00+01:00",
        uptimeSeconds: 42,
        configPath: "/etc/simwatch.toml",
        stateDir: "/var/lib/simwatch",
        timeZone: "Europe/Paris",
        lines: 2,
        firing: [],
        lastPoll: LastPoll(line: "fr", at: "2026-11-27T08:01:00+01:00", ok: true),
        pendingReminders: 0,
        deadReminders: 0
    )

    let probe: Probe

    func handle(
        method: String,
        parameters: JSONValue,
        peer: PeerCredentials,
        replier: VarlinkReplier
    ) async throws(ControlError) {
        switch method {
        case "GetStatus":
            try? await replier.send(Self.status)
        case "GetLine":
            let line = try ControlCodec.decode(GetLine.Parameters.self, from: parameters).line
            throw .noSuchLine(line)
        case "Events":
            guard replier.wantsMore else { throw .expectedMore }
            for i in 0..<3 {
                let event = ControlEvent(kind: "reading", at: "2026-11-27T08:0\(i):00+01:00", summary: "event \(i)")
                do {
                    try await replier.send(Events.Reply(event: event), continues: i < 2)
                } catch {
                    probe.add("events: \(error.code)")
                    return
                }
            }
        case "Echo":
            try? await replier.send(.object(["value": parameters["value"] ?? .null]))
        case "Count":
            guard case .int(let n) = parameters["n"] else { throw .invalidParameter("n") }
            for i in 0..<n { try? await replier.send(.object(["i": .int(i)]), continues: i < n - 1) }
        case "Sleep":
            guard case .int(let milliseconds) = parameters["milliseconds"] else {
                throw .invalidParameter("milliseconds")
            }
            try? await Task.sleep(for: .milliseconds(milliseconds))
            try? await replier.send(.object(["tag": parameters["tag"] ?? .null]))
        case "Record":
            probe.add("record: \(parameters["tag"]?.stringValue ?? "")")
        case "Forever":
            await forever(replier, size: 0)
        case "Flood":
            guard case .int(let size) = parameters["size"] else { throw .invalidParameter("size") }
            await forever(replier, size: Int(size))
        case "Wait":
            probe.add("wait: started")
            do {
                try await Task.sleep(for: .seconds(60))
                probe.add("wait: timed out")
            } catch {
                probe.add("wait: cancelled")
            }
        case "Misuse":
            do {
                try await replier.send(.object([:]), continues: true)
                probe.add("misuse: sent")
            } catch {
                probe.add("misuse: \(error.code)")
            }
        case "WhoAmI":
            try? await replier.send(
                .object(["pid": .int(Int64(peer.pid)), "uid": .int(Int64(peer.uid)), "gid": .int(Int64(peer.gid))])
            )
        default:
            throw .methodNotImplemented(method)
        }
    }

    private func forever(_ replier: VarlinkReplier, size: Int) async {
        probe.add("forever: started")
        let data = JSONValue.string(String(repeating: "x", count: size))
        var i: Int64 = 0
        while true {
            do {
                try await replier.send(.object(["i": .int(i), "data": data]), continues: true)
            } catch {
                probe.add("forever: \(error.code)")
                return
            }
            i += 1
            if size == 0 { try? await Task.sleep(for: .milliseconds(20)) }
        }
    }
}
