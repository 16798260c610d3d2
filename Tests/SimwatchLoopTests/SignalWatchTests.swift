import Glibc
import SimwatchLoop
import Testing

@Suite struct SignalWatchTests {
    @Test func aCaughtSignalIsReportedOnTheLoop() async throws {
        let seen = Recorder<(Int32, Bool)>()
        let watch = try SignalWatch([SIGUSR2]) { sig in seen.append((sig, EventLoop.isCurrent)) }
        // The pipe is watched once the loop has run the set-up.
        try await Task.sleep(for: .milliseconds(100))
        // To the process (the tests' pool threads block signals, so raise() from one would stay pending), one at a
        // time: the kernel merges a standard signal sent again before the first is handled.
        kill(getpid(), SIGUSR2)
        #expect(await seen.wait { $0.count == 1 })
        kill(getpid(), SIGUSR2)
        #expect(await seen.wait { $0.count == 2 })
        #expect(seen.all.allSatisfy { $0.0 == SIGUSR2 && $0.1 })
        watch.cancel()
    }

    @Test func aSignalThatCannotBeCaughtIsAnError() {
        let ignore: @Sendable (Int32) -> Void = { _ in }
        #expect(throws: SignalWatch.Failure.self) { _ = try SignalWatch([SIGKILL], handler: ignore) }
    }
}
