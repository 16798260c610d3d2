public import FoundationEssentials

extension AlertState {
    /// The one transition function. Given the rule's condition now (and whether the line was just renewed),
    /// returns the next state and the event it produces, if any.
    ///
    /// A repeat that fell due while the daemon was down is sent once, and the next one is counted from now,
    /// so a long downtime never releases a burst of reminders.
    public func step(
        condition: RuleCondition,
        policy: RepeatPolicy,
        now: Date,
        renewed: Bool = false
    ) -> (AlertState, AlertEvent?) {
        var next = self
        switch (phase, condition) {
        case (.firing, _) where renewed:
            next.phase = .resolved(at: now, reason: .renewed)
            return (next, .resolved(.renewed))

        case (.idle, .active(let stage)), (.resolved, .active(let stage)):
            next.episode += 1
            next.phase = .firing(
                Firing(
                    since: now,
                    stage: stage,
                    occurrence: 1,
                    lastNotifiedAt: now,
                    nextReminderAt: policy.next(after: now, occurrence: 1)
                )
            )
            return (next, .firing(stage: stage))

        case (.firing, .clear):
            next.phase = .resolved(at: now, reason: .cleared)
            return (next, .resolved(.cleared))

        case (.firing(var firing), .active(let stage)):
            if stage > firing.stage {
                firing.stage = stage
                firing.occurrence += 1
                firing.stageReminders = 1
                firing.lastNotifiedAt = now
                firing.nextReminderAt = policy.next(after: now, occurrence: 1)
                next.phase = .firing(firing)
                return (next, .escalated(stage: stage))
            }
            firing.stage = stage
            if let due = firing.nextReminderAt, now >= due {
                firing.occurrence += 1
                firing.stageReminders += 1
                firing.lastNotifiedAt = now
                firing.nextReminderAt = policy.next(after: now, occurrence: firing.stageReminders)
                next.phase = .firing(firing)
                return (next, .repeat(stage: stage))
            }
            next.phase = .firing(firing)
            return (next, nil)

        case (.idle, .clear), (.resolved, .clear):
            return (self, nil)
        }
    }

    /// Ends a firing alert because its rule or line left the configuration.
    public func removed(now: Date) -> AlertState {
        guard isFiring else { return self }
        var next = self
        next.phase = .resolved(at: now, reason: .removed)
        return next
    }
}
