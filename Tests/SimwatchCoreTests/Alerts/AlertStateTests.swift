import FoundationEssentials
import SimwatchCore
import Testing

@Suite struct AlertStateTests {
    let t0 = Fixture.start
    let idle = AlertState(lineID: "l", ruleID: "r")

    @Test func idleToFiringStartsAnEpisode() {
        let (next, event) = idle.step(condition: .active(stage: 0), policy: .every(.hours(12)), now: t0)
        #expect(event == .firing(stage: 0))
        #expect(next.episode == 1)
        #expect(next.firing?.occurrence == 1)
        #expect(next.firing?.nextReminderAt == t0 + .hours(12))
    }

    @Test func clearWhileIdleDoesNothing() {
        let (next, event) = idle.step(condition: .clear, policy: .once, now: t0)
        #expect(event == nil)
        #expect(next == idle)
    }

    @Test func repeatsOnlyWhenDue() {
        var (state, _) = idle.step(condition: .active(stage: 0), policy: .every(.hours(12)), now: t0)
        var event: AlertEvent?
        (state, event) = state.step(condition: .active(stage: 0), policy: .every(.hours(12)), now: t0 + .hours(11))
        #expect(event == nil)
        (state, event) = state.step(condition: .active(stage: 0), policy: .every(.hours(12)), now: t0 + .hours(12))
        #expect(event == .repeat(stage: 0))
        #expect(state.firing?.occurrence == 2)
        #expect(state.firing?.nextReminderAt == t0 + .hours(24))
    }

    @Test func longDowntimeSendsOneRepeatAndCountsFromNow() {
        var (state, _) = idle.step(condition: .active(stage: 0), policy: .every(.hours(6)), now: t0)
        var event: AlertEvent?
        // Three repeats fell due while down: one reminder, next one six hours from now.
        let back = t0 + .hours(20)
        (state, event) = state.step(condition: .active(stage: 0), policy: .every(.hours(6)), now: back)
        #expect(event == .repeat(stage: 0))
        (state, event) = state.step(condition: .active(stage: 0), policy: .every(.hours(6)), now: back + .minutes(1))
        #expect(event == nil)
        #expect(state.firing?.nextReminderAt == back + .hours(6))
    }

    @Test func onceNeverRepeats() {
        var (state, _) = idle.step(condition: .active(stage: 0), policy: .once, now: t0)
        var event: AlertEvent?
        (state, event) = state.step(condition: .active(stage: 0), policy: .once, now: t0 + .days(30))
        #expect(event == nil)
        #expect(state.firing?.nextReminderAt == nil)
    }

    @Test func escalationRemindsAtOnceAndRestartsSchedule() {
        let policy = RepeatPolicy.diminishing(start: .days(1), cap: .days(7))
        var (state, _) = idle.step(condition: .active(stage: 0), policy: policy, now: t0)
        (state, _) = state.step(condition: .active(stage: 0), policy: policy, now: t0 + .days(1))
        #expect(state.firing?.nextReminderAt == t0 + .days(3))
        var event: AlertEvent?
        (state, event) = state.step(condition: .active(stage: 1), policy: policy, now: t0 + .days(2))
        #expect(event == .escalated(stage: 1))
        #expect(state.firing?.occurrence == 3)
        #expect(state.firing?.nextReminderAt == t0 + .days(3))
        // Falling back to an earlier stage is silent.
        (state, event) = state.step(condition: .active(stage: 0), policy: policy, now: t0 + .days(2) + .hours(1))
        #expect(event == nil)
        #expect(state.firing?.stage == 0)
    }

    @Test func clearResolvesAndNextActiveIsANewEpisode() {
        var (state, _) = idle.step(condition: .active(stage: 0), policy: .once, now: t0)
        var event: AlertEvent?
        (state, event) = state.step(condition: .clear, policy: .once, now: t0 + .hours(1))
        #expect(event == .resolved(.cleared))
        (state, event) = state.step(condition: .active(stage: 0), policy: .once, now: t0 + .hours(2))
        #expect(event == .firing(stage: 0))
        #expect(state.episode == 2)
    }

    @Test func renewalResolvesEvenIfStillActive() {
        var (state, _) = idle.step(condition: .active(stage: 0), policy: .once, now: t0)
        var event: AlertEvent?
        (state, event) = state.step(condition: .active(stage: 0), policy: .once, now: t0 + .hours(1), renewed: true)
        #expect(event == .resolved(.renewed))
        #expect(state.phase == .resolved(at: t0 + .hours(1), reason: .renewed))
    }

    @Test(arguments: [
        (1, 86_400), (2, 172_800), (3, 345_600), (4, 604_800), (10, 604_800),
    ])
    func diminishingDoublesUpToCap(occurrence: Int, wait: Int64) {
        let policy = RepeatPolicy.diminishing(start: .days(1), cap: .days(7))
        #expect(policy.next(after: t0, occurrence: occurrence) == t0 + TimeSpan(seconds: wait))
    }
}

@Suite struct DiminishingAfterEscalationTests {
    @Test func scheduleRestartsAtEachStage() {
        let t0 = Fixture.start
        let policy = RepeatPolicy.diminishing(start: .hours(12), cap: .days(7))
        var (state, _) = AlertState(lineID: "l", ruleID: "r").step(
            condition: .active(stage: 0),
            policy: policy,
            now: t0
        )
        (state, _) = state.step(condition: .active(stage: 0), policy: policy, now: t0 + .hours(12))
        (state, _) = state.step(condition: .active(stage: 1), policy: policy, now: t0 + .hours(13))
        #expect(state.firing?.nextReminderAt == t0 + .hours(25))
        // First repeat at the new stage waits 24h (12h doubled once), not 12h × 2^3 from the episode count.
        var event: AlertEvent?
        (state, event) = state.step(condition: .active(stage: 1), policy: policy, now: t0 + .hours(25))
        #expect(event == .repeat(stage: 1))
        #expect(state.firing?.occurrence == 4)
        #expect(state.firing?.nextReminderAt == t0 + .hours(49))
    }
}
