import SimwatchControl
import Synchronization
import Testing

@testable import SimwatchDaemon

@Suite struct ReloadRequestsTests {
    @Test func theRunLoopsAnswerReachesTheCaller() async {
        let requests = ReloadRequests()
        let answer = await requests.ask { answer in answer(.success(3)) }
        #expect(answer == .success(3))
    }

    @Test func closingAnswersAWaitingRequestShuttingDown() async {
        let requests = ReloadRequests()
        let posted = Mutex<(@Sendable (ReloadRequests.Answer) -> Void)?>(nil)
        let asking = Task { await requests.ask { answer in posted.withLock { $0 = answer } } }
        while posted.withLock({ $0 == nil }) { await Task.yield() }
        requests.close()
        #expect(await asking.value == .failure(.shuttingDown))
        // The loop answering late changes nothing and does not crash (a continuation resumed twice would).
        posted.withLock { $0 }?(.success(1))
        #expect(requests.isClosed)
    }

    @Test func aRequestAfterCloseIsRefusedWithoutReachingTheLoop() async {
        let requests = ReloadRequests()
        requests.close()
        let reached = Mutex(false)
        let answer = await requests.ask { _ in reached.withLock { $0 = true } }
        #expect(answer == .failure(.shuttingDown))
        #expect(!reached.withLock { $0 })
    }
}
