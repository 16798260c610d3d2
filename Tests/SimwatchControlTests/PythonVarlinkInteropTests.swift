import FoundationEssentials
import SimwatchControl
import Testing

/// The PyPI `varlink` package against the real server, as docs/control-protocol.md shows it. Opt in with
/// `SIMWATCH_TEST_VARLINK_PYTHON=/path/to/python3` (a Python with `pip install varlink`).
@Suite(.enabled(if: pythonWithVarlink != nil, "set SIMWATCH_TEST_VARLINK_PYTHON to a python3 with varlink"))
struct PythonVarlinkInteropTests {
    @Test func cliInfoHelpAndCall() async throws {
        let python = try #require(pythonWithVarlink)
        try await TestServer.with { server in
            let address = "unix:" + server.path
            let cli = [python, "-m", "varlink.cli"]
            let (info, help, status, events, missing) = try await blocking {
                (
                    try runProcess(cli + ["info", address]),
                    try runProcess(cli + ["help", address + "/io.simwatch.Control"]),
                    try runProcess(cli + ["call", address + "/io.simwatch.Control.GetStatus", "{}"]),
                    try runProcess(cli + ["call", "-m", address + "/io.simwatch.Control.Events", "{}"]),
                    try runProcess(cli + ["call", address + "/io.simwatch.Control.GetLine", #"{"line": "de"}"#])
                )
            }
            #expect(info.status == 0, "\(info.stderr)")
            #expect(info.stdout.contains("Vendor: simwatch"))
            #expect(info.stdout.contains("Product: simwatchd"))
            #expect(info.stdout.contains("io.simwatch.Control"))

            #expect(help.status == 0, "\(help.stderr)")
            #expect(help.stdout.contains("method GetStatus() -> ("))

            #expect(status.status == 0, "\(status.stderr)")
            let reply = try JSONDecoder().decode(JSONValue.self, from: Data(status.stdout.utf8))
            #expect(reply["version"] == .string("0.1.0"))
            #expect(reply["uptime_seconds"] == .int(42))

            #expect(events.status == 0, "\(events.stderr)")
            #expect(events.stdout.components(separatedBy: "\"summary\"").count - 1 == 3)

            #expect(missing.stderr.contains("io.simwatch.Control.NoSuchLine"), "\(missing.stdout) \(missing.stderr)")
        }
    }
}

let pythonWithVarlink: String? = ProcessInfo.processInfo.environment["SIMWATCH_TEST_VARLINK_PYTHON"]
