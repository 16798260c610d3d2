import Glibc
import SimwatchLoop
import Testing

@Suite struct LoopWatchTests {
    /// A socket pair: [0] watched on the loop, [1] the test's end.
    private static func pair() throws -> (Int32, Int32) {
        var fds: [Int32] = [0, 0]
        let status = socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0, &fds)
        try #require(status == 0)
        return (fds[0], fds[1])
    }

    @Test func reportsReadableOnlyWhileAsked() async throws {
        let (watched, other) = try Self.pair()
        defer { close(other) }
        let seen = Recorder<String>()
        final class Box: @unchecked Sendable { var watch: LoopWatch? }
        let box = Box()
        EventLoop.execute {
            box.watch = LoopWatch(descriptor: watched) { events in
                var byte: UInt8 = 0
                while recv(watched, &byte, 1, 0) == 1 { seen.append(String(UnicodeScalar(byte))) }
                if events.contains(.hangup) { seen.append("hangup") }
            }
            box.watch?.set(.readable)
        }
        _ = send(other, "a", 1, 0)
        #expect(await seen.wait { $0 == ["a"] })
        // Suspended: neither data nor the peer's hang-up calls back (epoll would report a hang-up whatever the mask).
        let suspended = Recorder<Bool>()
        EventLoop.execute {
            box.watch?.set([])
            suspended.append(true)
        }
        #expect(await suspended.wait { $0 == [true] })
        _ = send(other, "b", 1, 0)
        shutdown(other, Int32(SHUT_WR))
        try await Task.sleep(for: .milliseconds(300))
        #expect(seen.all == ["a"])
        EventLoop.execute { box.watch?.set(.readable) }
        #expect(await seen.wait { $0.contains("b") })
        EventLoop.execute {
            box.watch?.cancel()
            close(watched)
        }
    }

    @Test func writableWhenThereIsRoom() async throws {
        let (watched, other) = try Self.pair()
        defer { close(other) }
        let seen = Recorder<Bool>()
        final class Box: @unchecked Sendable { var watch: LoopWatch? }
        let box = Box()
        EventLoop.execute {
            box.watch = LoopWatch(descriptor: watched) { events in
                seen.append(events.contains(.writable))
                box.watch?.set([])
            }
            box.watch?.set(.writable)
        }
        #expect(await seen.wait { $0 == [true] })
        EventLoop.execute {
            box.watch?.cancel()
            close(watched)
        }
    }

    @Test func aCancelledWatchIsSilentEvenWithEventsPending() async throws {
        let (first, other) = try Self.pair()
        let (second, other2) = try Self.pair()
        defer {
            close(other)
            close(other2)
        }
        let seen = Recorder<String>()
        final class Box: @unchecked Sendable { var watches: [LoopWatch] = [] }
        let box = Box()
        // Both become readable in the same batch; whichever runs first cancels the other.
        EventLoop.execute {
            let a = LoopWatch(descriptor: first) { _ in
                seen.append("first")
                for watch in box.watches { watch.cancel() }
            }
            let b = LoopWatch(descriptor: second) { _ in
                seen.append("second")
                for watch in box.watches { watch.cancel() }
            }
            box.watches = [a, b]
            a.set(.readable)
            b.set(.readable)
        }
        try await Task.sleep(for: .milliseconds(50))
        _ = send(other, "x", 1, 0)
        _ = send(other2, "y", 1, 0)
        #expect(await seen.wait { $0.count == 1 })
        try await Task.sleep(for: .milliseconds(300))
        #expect(seen.all.count == 1)
        EventLoop.execute {
            close(first)
            close(second)
        }
    }
}
