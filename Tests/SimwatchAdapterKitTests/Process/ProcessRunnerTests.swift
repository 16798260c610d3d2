import Glibc
import Testing

@testable import SimwatchAdapterKit

@Suite struct ProcessRunnerTests {
    static func run(
        _ script: String,
        input: [UInt8]? = nil,
        timeout: Double = 5,
        configure: (inout ProcessRunner.Request) -> Void = { _ in }
    ) async throws -> (ProcessRunner.Outcome, Duration) {
        var request = ProcessRunner.Request(["/bin/sh", "-c", script], input: input, timeout: timeout)
        configure(&request)
        let started = ContinuousClock.now
        let outcome = try await ProcessRunner.run(request)
        return (outcome, started.duration(to: .now))
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    static func alive(_ pid: pid_t) -> Bool {
        // A killed child of init may linger a moment as a zombie: that is dead too.
        guard kill(pid, 0) == 0 else { return false }
        let fd = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 512)
        let n = read(fd, &buffer, buffer.count)
        return n > 0 && !text(Array(buffer[0..<n])).contains(") Z ")
    }

    @Test func reportsStatusAndKeepsStdoutApartFromStderr() async throws {
        let (outcome, _) = try await Self.run(
            "cat >/dev/null; echo out; echo said >&2; exit 75",
            input: Array("x".utf8)
        )
        #expect(outcome.status == 75 && outcome.signal == nil && !outcome.timedOut)
        #expect(Self.text(outcome.stdout) == "out\n" && Self.text(outcome.stderr) == "said\n")
        #expect(outcome.inputComplete && !outcome.outputAbandoned)
    }

    @Test func deadlineTermsTheGroupThenKills() async throws {
        let (hung, took) = try await Self.run("sleep 30 & wait", timeout: 0.5)
        #expect(hung.timedOut && hung.status == nil && hung.signal == SIGTERM)
        #expect(took < .seconds(15))
        // Ignoring SIGTERM (the trap is inherited by sleep) only earns the second until SIGKILL.
        let (stubborn, took2) = try await Self.run("trap '' TERM; sleep 30 & wait; sleep 30", timeout: 0.5)
        #expect(stubborn.timedOut && stubborn.signal == SIGKILL)
        #expect(took2 < .seconds(15))
    }

    @Test func anEscapedGrandchildHoldingThePipeDoesNotBlock() async throws {
        // setsid puts sleep out of reach of the group kill; it keeps stdout and stderr open for 20 s.
        let (outcome, took) = try await Self.run("setsid sleep 20 & sleep 0.3; echo started", timeout: 10) {
            $0.killGroupOnExit = true
        }
        #expect(outcome.status == 0 && Self.text(outcome.stdout) == "started\n")
        #expect(outcome.outputAbandoned && !outcome.timedOut)
        #expect(took < .seconds(15))
        // The same when it is killed at the deadline instead.
        let (late, took2) = try await Self.run("setsid sleep 20 & sleep 30", timeout: 0.5)
        #expect(late.timedOut && late.outputAbandoned)
        #expect(took2 < .seconds(15))
    }

    @Test func helpersLeftInTheGroupAreKilledWhenAsked() async throws {
        let (outcome, took) = try await Self.run("sleep 30 & echo $!") { $0.killGroupOnExit = true }
        let helper = try #require(pid_t(Self.text(outcome.stdout).filter(\.isNumber)))
        #expect(outcome.status == 0 && took < .seconds(15))
        let deadline = ContinuousClock.now + .seconds(2)
        while Self.alive(helper), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(!Self.alive(helper))

        // Without: it lives on (sendmail may leave a delivery process), and it holds the output only briefly.
        let (kept, took2) = try await Self.run("sleep 30 & echo $!")
        let survivor = try #require(pid_t(Self.text(kept.stdout).filter(\.isNumber)))
        #expect(kept.status == 0 && kept.outputAbandoned && took2 < .seconds(15))
        #expect(Self.alive(survivor))
        kill(survivor, SIGKILL)
    }

    @Test func stdinClosedEarlyIsReportedNotFatal() async throws {
        let big = [UInt8](repeating: 65, count: 1 << 20)
        let (closed, _) = try await Self.run("exec 0<&-; sleep 0.2", input: big)
        #expect(closed.status == 0 && !closed.inputComplete)
        let (gone, _) = try await Self.run("exit 3", input: big)
        #expect(gone.status == 3 && !gone.inputComplete)
        let (read, _) = try await Self.run("wc -c", input: big)
        #expect(read.inputComplete && Self.text(read.stdout).contains("1048576"))
    }

    @Test func outputIsCappedButStillDrained() async throws {
        let (outcome, _) = try await Self.run("head -c 300000 /dev/zero; echo err >&2") { $0.maxStdout = 1000 }
        #expect(outcome.status == 0 && outcome.stdout.count == 1000 && Self.text(outcome.stderr) == "err\n")
    }

    @Test func aMissingProgramIsASpawnError() async {
        await #expect(throws: ProcessRunner.SpawnError(path: "/nonexistent/sendmail", errno: ENOENT)) {
            _ = try await ProcessRunner.run(ProcessRunner.Request(["/nonexistent/sendmail", "-t"], timeout: 1))
        }
    }

    @Test func cancellationKillsTheGroupPromptly() async throws {
        let started = ContinuousClock.now
        let task = Task { try await ProcessRunner.run(ProcessRunner.Request(["/bin/sleep", "30"], timeout: 60)) }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let outcome = try await task.value
        #expect(outcome.cancelled && outcome.signal == SIGKILL)
        #expect(started.duration(to: .now) < .seconds(15))
    }

    /// Each child gets 0, 1 and 2 only: not the pipes of spawns in flight on other threads, not a descriptor the
    /// daemon opened without close-on-exec.
    @Test func childrenInheritOnlyTheirOwnDescriptors() async throws {
        let stray = open("/dev/null", O_RDONLY)
        #expect(stray > 2)
        defer { close(stray) }
        let listings = try await withThrowingTaskGroup(of: String?.self) { group in
            for i in 0..<24 {
                group.addTask {
                    if i.isMultiple(of: 2) {
                        // In flight meanwhile: children with all three pipes open.
                        _ = try await Self.run("cat >/dev/null; sleep 0.3", input: Array("secret".utf8))
                        return nil
                    }
                    // ls's own descriptor for the directory it lists is the only other one allowed.
                    let (outcome, _) = try await Self.run("exec ls -l /proc/self/fd")
                    return Self.text(outcome.stdout)
                }
            }
            var all: [String] = []
            for try await listing in group { if let listing { all.append(listing) } }
            return all
        }
        #expect(listings.count == 12)
        for listing in listings {
            let fds = listing.split(separator: "\n").filter { $0.contains(" -> ") }.compactMap { line -> Int? in
                let words = line.split(separator: " ")
                guard let arrow = words.firstIndex(of: "->"), arrow > 0 else { return nil }
                if arrow + 1 < words.count, words[arrow + 1].hasPrefix("/proc/"), words[arrow + 1].hasSuffix("/fd") {
                    return nil
                }
                return Int(words[arrow - 1])
            }
            #expect(fds.sorted() == [0, 1, 2], "\(listing)")
        }
    }
}
