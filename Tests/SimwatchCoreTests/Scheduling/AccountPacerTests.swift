import FoundationEssentials
import SimwatchCore
import Testing

/// The account gate with a manual clock: `now` is whatever the test says.
@Suite struct AccountPacerTests {
    let t0 = Fixture.start

    @Test func linesDueTogetherGetSlotsOneSpacingApart() {
        var pacer = AccountPacer(requestsPerMinute: 2)  // 30 s apart
        #expect(pacer.spacing == 30)
        #expect(pacer.admit("a", now: t0) == nil)
        #expect(pacer.admit("b", now: t0) == t0 + 30)
        #expect(pacer.admit("c", now: t0) == t0 + 60)
        // Asking again before the slot returns the same slot, not a new one (no queue growth).
        #expect(pacer.admit("b", now: t0 + 10) == t0 + 30)
        #expect(pacer.booked.count == 2)
        // At its slot the line goes without taking another.
        #expect(pacer.admit("b", now: t0 + 30) == nil)
        #expect(pacer.admit("c", now: t0 + 60) == nil)
        #expect(pacer.booked.isEmpty)
        // A quiet account lets the next poll go at once, then spaces again.
        #expect(pacer.admit("a", now: t0 + 200) == nil)
        #expect(pacer.admit("b", now: t0 + 201) == t0 + 230)
    }

    @Test func neverTwoStartsCloserThanTheSpacing() {
        var pacer = AccountPacer(requestsPerMinute: 6)  // 10 s
        var starts: [Date] = []
        var due: [String: Date] = [:]
        for i in 0..<20 { due["l\(i)"] = t0 + Double(i % 3) }
        // A scheduler in miniature: each line polls every 15 s once started, asking the gate each time.
        for _ in 0..<400 {
            guard let (id, at) = due.min(by: { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) })
            else { break }
            if let slot = pacer.admit(id, now: at) {
                #expect(slot > at)
                due[id] = slot
            } else {
                starts.append(at)
                due[id] = at + 15
            }
        }
        let gaps = zip(starts, starts.dropFirst()).map { $1.timeIntervalSince($0) }
        #expect(starts.count > 100)
        #expect(gaps.allSatisfy { $0 >= 10 - 1e-9 })
        #expect(pacer.booked.count <= 20)
    }

    @Test func aClockThatSteppedBackDoesNotCloseTheGate() {
        var pacer = AccountPacer(requestsPerMinute: 60)
        _ = pacer.admit("a", now: t0 + 3600)
        #expect(pacer.admit("b", now: t0) == nil, "an hour-old next slot after a step back is forgotten")
        pacer.cancel("c")
        #expect(pacer.admit("c", now: t0) == t0 + 1)
        pacer.cancel("c")
        #expect(pacer.booked.isEmpty)
    }

    @Test func firstPollsSpreadByIDAndStayPutAcrossRestarts() {
        #expect(
            FirstPollStagger.window(interval: 900, count: 10, burst: 4) == 0,
            "a small configuration starts at once"
        )
        #expect(FirstPollStagger.window(interval: 900, count: 20, burst: 16) == 20)
        #expect(FirstPollStagger.window(interval: 900, count: 20, burst: 20) == 0, "as many as may poll at once go now")
        #expect(FirstPollStagger.window(interval: 900, count: 100_000, burst: 4) == 900)
        let offsets = (0..<1000).map { FirstPollStagger.offset(hash: UInt64($0) &* 0x9E37_79B9_7F4A_7C15, window: 900) }
        #expect(offsets.allSatisfy { $0 >= 0 && $0 < 900 })
        // Roughly even: every tenth of the window holds some of them.
        let buckets = Set(offsets.map { Int($0 / 90) })
        #expect(buckets.count == 10)
        #expect(FirstPollStagger.offset(hash: 42, window: 900) == FirstPollStagger.offset(hash: 42, window: 900))
        #expect(FirstPollStagger.offset(hash: 42, window: 0) == 0)
    }
}
