import Glibc
import SimwatchLoop
import Testing

@Suite struct EventLoopTests {
    @Test func workRunsOnTheLoopsThreadInOrder() async {
        let seen = Recorder<(Int, Bool)>()
        for i in 0..<1000 {
            EventLoop.execute { seen.append((i, EventLoop.isCurrent)) }
        }
        #expect(await seen.wait { $0.count == 1000 })
        #expect(seen.all.map(\.0) == Array(0..<1000))
        #expect(seen.all.allSatisfy { $0.1 })
        #expect(!EventLoop.isCurrent, "the tests' threads are not the loop's")
    }

    @Test func workQueuedByWorkRunsAfterIt() async {
        let seen = Recorder<String>()
        EventLoop.execute {
            EventLoop.execute { seen.append("inner") }
            EventLoop.run { seen.append("inline") }
            seen.append("outer")
        }
        #expect(await seen.wait { $0.count == 3 })
        #expect(seen.all == ["inline", "outer", "inner"])
    }

    /// The control socket's requests (jobs of high priority) do not wait behind a fleet's queued polls.
    @Test func urgentWorkRunsBeforeTheWorkQueuedAhead() async {
        let seen = Recorder<String>()
        EventLoop.execute {
            for i in 0..<3 { EventLoop.execute { seen.append("work \(i)") } }
            EventLoop.execute(urgent: true) { seen.append("urgent") }
            EventLoop.execute(urgent: true) {
                EventLoop.execute(urgent: true) { seen.append("urgent, queued by urgent") }
                seen.append("urgent 2")
            }
            seen.append("outer")
        }
        #expect(await seen.wait { $0.count == 7 })
        #expect(
            seen.all == ["outer", "urgent", "urgent 2", "urgent, queued by urgent", "work 0", "work 1", "work 2"]
        )
    }

    @Test func aWorkerThreadIsNotTheLoop() async {
        let seen = Recorder<Bool>()
        #expect(WorkerThread.detach { seen.append(EventLoop.isCurrent) })
        #expect(await seen.wait { $0.count == 1 })
        #expect(seen.all == [false])
    }
}
