import Testing

@testable import SimwatchDaemon

@Suite struct WaitingLinesTests {
    @Test func takesOldestFirstAndEachIdOnce() {
        var waiting = WaitingLines()
        for id in ["a", "b", "a", "c", "b"] { waiting.append(id) }
        #expect(waiting.count == 3)
        #expect(waiting.contains("b"))
        #expect(waiting.removeFirst() == "a")
        #expect(waiting.removeFirst() == "b")
        #expect(!waiting.contains("b"))
        #expect(waiting.removeFirst() == "c")
        #expect(waiting.removeFirst() == nil)
        #expect(waiting.isEmpty)
    }

    @Test func aRemovedIdIsNotTakenAndMayWaitAgain() {
        var waiting = WaitingLines()
        for id in ["a", "b", "c"] { waiting.append(id) }
        waiting.remove("b")
        #expect(!waiting.contains("b"))
        #expect(waiting.count == 2)
        #expect(waiting.removeFirst() == "a")
        waiting.append("b")
        #expect(waiting.removeFirst() == "c")
        #expect(waiting.removeFirst() == "b")
        #expect(waiting.removeFirst() == nil)
    }

    @Test func aLongQueueStaysInOrderAcrossCompaction() {
        var waiting = WaitingLines()
        let ids = (0..<5000).map { "line-\($0)" }
        for id in ids { waiting.append(id) }
        var taken: [String] = []
        for _ in 0..<3000 { if let id = waiting.removeFirst() { taken.append(id) } }
        for id in ids.prefix(100) { waiting.append(id) }
        while let id = waiting.removeFirst() { taken.append(id) }
        #expect(taken == ids + ids.prefix(100))
    }
}
