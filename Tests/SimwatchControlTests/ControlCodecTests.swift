import FoundationEssentials
import SimwatchControl
import Testing

@Suite struct ControlCodecTests {
    @Test func typesTravelAsSnakeCase() throws {
        let reply = GetStatus.Reply(
            now: "2026-11-27T08:00:05+01:00",
            version: "0.1.0",
            startedAt: "2026-11-27T08:00:00+01:00",
            uptimeSeconds: 42,
            configPath: "/c.toml",
            stateDir: "/s",
            timeZone: "Europe/Paris",
            lines: 1,
            firing: [],
            lastPoll: nil,
            pendingReminders: 0,
            deadReminders: 0
        )
        let json = ControlCodec.encode(reply)
        #expect(json["uptime_seconds"] == .int(42))
        #expect(json["config_path"] == .string("/c.toml"))
        #expect(json["last_poll"] == nil)
        #expect(try ControlCodec.decode(GetStatus.Reply.self, from: json) == reply)
    }

    @Test func missingOrWrongParametersNameTheField() {
        #expect(throws: ControlError.invalidParameter("line")) {
            try ControlCodec.decode(GetLine.Parameters.self, from: .object([:]))
        }
        #expect(throws: ControlError.invalidParameter("max_points")) {
            try ControlCodec.decode(
                GetHistory.Parameters.self,
                from: .object(["line": .string("a"), "max_points": .string("many")])
            )
        }
    }

    @Test func jsonTextEscapesControls() throws {
        let value = JSONValue.object(["a": .string("x\"\n\u{1}"), "b": .array([.int(1), .bool(true), .null])])
        #expect(value.description == #"{"a":"x\"\n\u0001","b":[1,true,null]}"#)
        let back = try JSONDecoder().decode(JSONValue.self, from: Data(value.description.utf8))
        #expect(back == value)
    }

    @Test func errorsDescribeThemselves() {
        #expect(ControlError.noSuchLine("fr").description == "NoSuchLine (line: \"fr\")")
        #expect(ControlError.noSuchLine("fr").name == "io.simwatch.Control.NoSuchLine")
    }
}
