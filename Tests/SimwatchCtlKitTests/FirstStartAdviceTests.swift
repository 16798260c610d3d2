import Glibc
import SimwatchControl
import SimwatchCtlKit
import SimwatchModel
import Testing

@Suite struct FirstStartAdviceTests {
    @Test func adviceNamesTheExampleAndWhereToCopyIt() {
        let lines = FirstStartAdvice.lines(
            configPath: "/home/ana/.config/simwatch/config.toml",
            example: "/usr/share/doc/simwatch/examples/simwatch.example.toml",
            home: "/home/ana"
        )
        #expect(
            lines == [
                "no configuration file at ~/.config/simwatch/config.toml: simwatchd needs one to know your plans.",
                "Copy the example and edit it:",
                "  mkdir -p ~/.config/simwatch && cp /usr/share/doc/simwatch/examples/simwatch.example.toml "
                    + "~/.config/simwatch/config.toml",
                "  $EDITOR ~/.config/simwatch/config.toml",
                "then start the service: systemctl --user enable --now simwatch",
            ]
        )
    }

    @Test func withoutAnInstalledExampleItPointsAtTheSources() {
        let lines = FirstStartAdvice.lines(configPath: "/cfg/simwatch/config.toml", example: nil, home: "/home/ana")
        #expect(lines[1] == "Copy the example, config/simwatch.example.toml in the simwatch sources, and edit it:")
        #expect(lines[2] == "  mkdir -p /cfg/simwatch && cp config/simwatch.example.toml /cfg/simwatch/config.toml")
    }

    @Test func pathsThatTheShellWouldSplitAreQuoted() {
        let lines = FirstStartAdvice.lines(
            configPath: "/home/ana/my conf/simwatch/config.toml",
            example: "/opt/it's/share/doc/simwatch/simwatch.example.toml",
            home: "/home/ana"
        )
        #expect(
            lines[2]
                == "  mkdir -p ~/'my conf/simwatch' && cp '/opt/it'\\''s/share/doc/simwatch/simwatch.example.toml' "
                + "~/'my conf/simwatch/config.toml'"
        )
    }

    @Test func theHomeDirectoryIsShortenedOnlyAsAWholeComponent() {
        let lines = FirstStartAdvice.lines(configPath: "/home/anabel/c/config.toml", example: nil, home: "/home/ana")
        #expect(lines[0].hasPrefix("no configuration file at /home/anabel/c/config.toml:"))
    }

    @Test(
        arguments: [
            (["XDG_CONFIG_HOME": "/x", "HOME": "/home/ana"], "/x/simwatch/config.toml"),
            (["XDG_CONFIG_HOME": "relative", "HOME": "/home/ana"], "/home/ana/.config/simwatch/config.toml"),
            (["HOME": "/home/ana"], "/home/ana/.config/simwatch/config.toml"),
        ]
    )
    func defaultPathIsSimwatchds(environment: [String: String], path: String) {
        #expect(FirstStartAdvice.defaultConfigPath(environment: environment) == path)
    }

    @Test func theExampleIsFoundBesideTheBinaryPackageFirst() {
        let package = "/usr/share/doc/simwatch/examples/simwatch.example.toml"
        let home = "/home/ana/.local/share/doc/simwatch/simwatch.example.toml"
        #expect(FirstStartAdvice.example(executable: "/usr/bin/simwatchd") { $0 == package } == package)
        #expect(FirstStartAdvice.example(executable: "/usr/bin/simwatchd") { _ in true } == package)
        #expect(FirstStartAdvice.example(executable: "/home/ana/.local/bin/simwatchd") { $0 == home } == home)
        #expect(FirstStartAdvice.example(executable: "/usr/bin/simwatchd") { $0 == home } == nil)
        #expect(FirstStartAdvice.example(executable: "simwatchd") { _ in true } == nil)
    }

    @Test func statusAddsTheAdviceOnlyWhenTheDaemonIsUnreachableAndTheFileMissing() {
        let unreachable = CtlFailure.transport(.io(ENOENT, "connect /s"), socket: "/s")
        let closed = CtlFailure.transport(.closed, socket: "/s")
        let reply = CtlFailure.reply(.shuttingDown)
        func advised(_ failure: CtlFailure, missing: Bool) -> CtlFailure {
            failure.addingFirstStartAdvice(
                configPath: "/c/config.toml",
                configMissing: missing,
                example: nil,
                home: nil
            )
        }
        #expect(advised(unreachable, missing: true).message.contains("\nno configuration file at /c/config.toml"))
        #expect(advised(unreachable, missing: true).status == .notRunning)
        #expect(advised(closed, missing: true).message.contains("\nno configuration file at /c/config.toml"))
        #expect(advised(unreachable, missing: false) == unreachable)
        #expect(advised(reply, missing: true) == reply)
    }

    @Test func aMissingFileIsOnlyOneThatDoesNotExist() {
        #expect(FirstStartAdvice.isMissing("/nonexistent-simwatch-test/config.toml"))
        #expect(!FirstStartAdvice.isMissing("/"))
    }
}
