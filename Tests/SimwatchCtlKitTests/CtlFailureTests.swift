import Glibc
import SimwatchControl
import SimwatchCtlKit
import SimwatchModel
import Testing

@Suite struct CtlFailureTests {
    @Test(
        arguments: [
            (ControlError.noSuchLine("x"), nil, "no line `x`", CtlStatus.error),
            (.noSuchLine("x"), ["a", "b"], "no line `x`; known lines: a, b", .error),
            (.noSuchLine("x"), [], "no line `x`; no lines are configured", .error),
            (
                .noSuchRule(line: "a", rule: "r"), nil,
                "line `a` has no rule `r`; `simwatchctl show a` lists its rules", .error
            ),
            (.noSuchChannel("mail", known: ["journal"]), nil, "no channel `mail`; known channels: journal", .error),
            (.invalidArgument("until", "must be in the future"), nil, "--until: must be in the future", .error),
            (.invalidArgument("data_bytes", "must not be negative"), nil, "--data: must not be negative", .error),
            (.invalidArgument("line", "could not save"), nil, "line: could not save", .error),
            (
                .configInvalid(["a:1: x", "a:2: y"]), nil,
                "the configuration has 2 problems; simwatchd keeps running the previous one:\n  a:1: x\n  a:2: y",
                .attention
            ),
            (
                .deliveryFailed(channel: "journal", reason: "gone"), nil, "delivery through `journal` failed: gone",
                .attention
            ),
            (.shuttingDown, nil, "simwatchd is shutting down; try again once it has restarted", .notRunning),
            (.permissionDenied, nil, "simwatchd refused the connection: the socket belongs to another user", .error),
            (
                .invalidParameter("max_points"), nil,
                "simwatchd refused parameter `max_points`; are simwatchctl and simwatchd the same version?", .error
            ),
        ] as [(ControlError, [String]?, String, CtlStatus)]
    )
    func errorRepliesInWords(error: ControlError, known: [String]?, message: String, status: CtlStatus) {
        let failure = CtlFailure.reply(error, knownLines: known)
        #expect(failure.message == message)
        #expect(failure.status == status)
    }

    @Test func unknownMethodsPointAtVersions() {
        let failure = CtlFailure.reply(.methodNotFound("io.simwatch.Control.Frobnicate"))
        #expect(failure.message.hasPrefix("simwatchd does not know io.simwatch.Control.Frobnicate; it may be older"))
        #expect(
            CtlFailure.reply(ControlError(name: "com.example.Odd")).message == "simwatchd replied with an error: Odd"
        )
    }

    @Test(
        arguments: [
            (
                VarlinkTransportError.io(ENOENT, "connect /s"), CtlStatus.notRunning,
                "simwatchd is not running (no socket at /s)."
            ),
            (.io(ECONNREFUSED, "connect /s"), .notRunning, "simwatchd is not running"),
            (.io(EACCES, "connect /s"), .error, "permission denied"),
            (.timeout, .error, "did not answer in time"),
            (.closed, .error, "closed the connection"),
            (.malformed("bad"), .error, "unexpected reply from simwatchd: malformed Varlink message: bad"),
            (.io(ENOTDIR, "connect /s"), .error, "Not a directory"),
        ] as [(VarlinkTransportError, CtlStatus, String)]
    )
    func transportFailures(error: VarlinkTransportError, status: CtlStatus, fragment: String) {
        let failure = CtlFailure.transport(error, socket: "/s")
        #expect(failure.status == status)
        #expect(failure.message.contains(fragment), "\(failure.message)")
    }

    @Test func notRunningSaysHowToStart() {
        #expect(
            CtlFailure.notRunning(socket: "/run/user/1000/simwatch/control.sock").message
                == "simwatchd is not running (no socket at /run/user/1000/simwatch/control.sock). "
                + "Start it with: systemctl --user start simwatch"
        )
    }

    @Test func badValuesNameTheOption() throws {
        do {
            _ = try ByteCount(parsing: "2 XB")
            Issue.record("parsed")
        } catch {
            #expect(CtlFailure.badValue("--remaining", error).message.hasPrefix("--remaining: unknown data unit 'XB'"))
        }
    }

    @Test func exitStatusesAreTheDocumentedOnes() {
        #expect(CtlStatus.allCases.map(\.rawValue) == [0, 1, 2, 3])
    }
}
