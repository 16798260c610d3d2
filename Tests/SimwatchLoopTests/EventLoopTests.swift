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

    @Test func aWorkerThreadIsNotTheLoop() async {
        let seen = Recorder<Bool>()
        #expect(WorkerThread.detach { seen.append(EventLoop.isCurrent) })
        #expect(await seen.wait { $0.count == 1 })
        #expect(seen.all == [false])
    }
}
