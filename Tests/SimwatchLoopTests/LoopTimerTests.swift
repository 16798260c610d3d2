import SimwatchLoop
import Testing

@Suite struct LoopTimerTests {
    @Test func firesOnceOnTheLoopAfterItsDelay() async throws {
        let seen = Recorder<Bool>()
        let start = ContinuousClock.now
        let timer = LoopTimer { seen.append(EventLoop.isCurrent) }
        timer.arm(after: 0.2)
        #expect(await seen.wait { $0.count == 1 })
        #expect(ContinuousClock.now - start >= .milliseconds(200), "never early")
        try await Task.sleep(for: .milliseconds(300))
        #expect(seen.all == [true], "once per arming")
    }

    @Test func rearmingReplacesAndDisarmingStops() async throws {
        let seen = Recorder<Int>()
        let timer = LoopTimer { seen.append(1) }
        timer.arm(after: 0.05)
        timer.arm(after: 30)
        try await Task.sleep(for: .milliseconds(300))
        #expect(seen.all.isEmpty, "the second arming replaced the first")
        timer.arm(after: 0.05)
        timer.disarm()
        try await Task.sleep(for: .milliseconds(300))
        #expect(seen.all.isEmpty)
        timer.arm(after: 0)
        #expect(await seen.wait { $0.count == 1 })
    }

    @Test func repeatsUntilDisarmed() async throws {
        let seen = Recorder<Int>()
        let timer = LoopTimer { seen.append(1) }
        timer.arm(every: 0.02)
        #expect(await seen.wait { $0.count >= 5 })
        timer.disarm()
        // A firing already under way may still land; after that, nothing.
        try await Task.sleep(for: .milliseconds(100))
        let settled = seen.all.count
        try await Task.sleep(for: .milliseconds(300))
        #expect(seen.all.count == settled)
    }

    @Test(arguments: [Double.nan, -.infinity, -5, 1e300, .infinity, Double(Int64.max)])
    func anyDelayIsClampedNotATrap(_ seconds: Double) async throws {
        let seen = Recorder<Int>()
        let timer = LoopTimer { seen.append(1) }
        // On the loop, so no firing comes in between: only the last arming counts.
        EventLoop.execute {
            timer.arm(after: seconds)
            timer.arm(every: seconds)
            timer.disarm()
            timer.arm(after: 0)
        }
        #expect(await seen.wait { $0.count == 1 })
        try await Task.sleep(for: .milliseconds(50))
        #expect(seen.all.count == 1)
    }

    @Test func aTimerMayDropItselfWhileFiring() async {
        let seen = Recorder<Int>()
        final class Holder: @unchecked Sendable { var timer: LoopTimer? }
        let holder = Holder()
        EventLoop.execute {
            holder.timer = LoopTimer {
                holder.timer = nil
                seen.append(1)
            }
            holder.timer?.arm(after: 0.01)
        }
        #expect(await seen.wait { $0.count == 1 })
    }
}
