import FoundationEssentials

/// One assessment's rules at work: the inputs they share, and the transitions, history and reminders they add
/// to the outcome.
struct Judging {
    let input: AssessmentInput
    let snapshot: LineSnapshot
    let forecast: Forecast
    let composer: ReminderComposer

    var line: Line { input.line }
    var now: Date { input.now }

    /// One rule: condition, state machine step, and the reminders the step asks for (held back while snoozed).
    func judge(_ rule: Rule, into outcome: inout AssessmentOutcome) {
        let state = outcome.alerts[rule.id] ?? input.alerts[rule.id] ?? AlertState(lineID: line.id, ruleID: rule.id)
        let condition = RuleEvaluator.evaluate(
            rule,
            snapshot: snapshot,
            forecast: forecast,
            now: now,
            firing: state.isFiring
        )
        var (next, event) = state.step(condition: condition, policy: rule.repeatPolicy, now: now)
        guard next != state, let event else {
            if next != state { outcome.alerts[rule.id] = next }
            return
        }
        if case .resolved = event {
            outcome.alerts[rule.id] = next
            outcome.cancelled.append((line.id, rule.id, state.episode))
            log(rule.id, state.episode, event.name, nil, state.firing?.occurrence ?? 0, "condition cleared", &outcome)
            outcome.reminders += resolutions(of: rule, ended: state)
            return
        }
        let firing = next.firing
        let compose = { (composer: ReminderComposer) in
            composer.compose(
                kind: rule.kind.reminderKind,
                rule: rule,
                stage: firing?.stage,
                snapshot: snapshot,
                forecast: forecast,
                now: now
            )
        }
        let text = compose(composer)
        if let until = next.snoozedUntil, until > now, var held = firing {
            // Snoozed: no reminder now, one when the snooze ends if the alert is still firing.
            held.nextReminderAt = until
            next.phase = .firing(held)
            outcome.alerts[rule.id] = next
            log(rule.id, next.episode, "suppressed", held.stage, held.occurrence, text.summary, &outcome)
            return
        }
        outcome.alerts[rule.id] = next
        log(rule.id, next.episode, event.name, firing?.stage, firing?.occurrence ?? 1, text.summary, &outcome)
        outcome.reminders += reminders(
            kind: rule.kind.reminderKind,
            rule: rule.id,
            event: event.name,
            severity: severity(of: rule, stage: firing?.stage),
            episode: next.episode,
            occurrence: firing?.occurrence ?? 1,
            stage: firing?.stage,
            text: compose
        )
    }

    /// A renewal ends the line's data and expiry alerts and sends one "renewed" notice.
    func resolveForRenewal(renewals: Int, into outcome: inout AssessmentOutcome) {
        for rule in line.rules where rule.kind.endsWithRenewal {
            guard let state = input.alerts[rule.id], state.isFiring else { continue }
            let (next, _) = state.step(condition: .clear, policy: rule.repeatPolicy, now: now, renewed: true)
            outcome.alerts[rule.id] = next
            outcome.cancelled.append((line.id, rule.id, state.episode))
            log(rule.id, state.episode, "resolved", nil, state.firing?.occurrence ?? 0, "renewed", &outcome)
            outcome.reminders += resolutions(of: rule, ended: state)
        }
        let compose = { (composer: ReminderComposer) in
            composer.compose(kind: .renewed, rule: nil, stage: nil, snapshot: snapshot, forecast: forecast, now: now)
        }
        let text = compose(composer)
        log(nil, renewals, "renewed", nil, 1, text.summary, &outcome)
        outcome.events.append(
            WatchEvent(kind: .renewal, at: now, lineID: line.id, event: "renewed", summary: text.summary)
        )
        outcome.reminders += reminders(
            kind: .renewed,
            rule: nil,
            event: "renewed",
            severity: .info,
            episode: renewals,
            occurrence: 1,
            stage: nil,
            text: compose
        )
    }

    /// Expiry's last stage ("expired") is always critical: nothing is left to warn about.
    func severity(of rule: Rule, stage: Int?) -> Severity {
        if case .expiresWithin(let stages) = rule.kind, let stage, stage >= stages.count { return .critical }
        return rule.severity
    }

    /// One reminder per channel of the line (`slot` in the stable id in place of the rule), held back to the end of
    /// quiet hours unless critical; e-mail channels carry the line's recipients. Each is written by `text` in its
    /// reader's language (`AssessmentSettings.language(of:through:)`).
    func reminders(
        kind: ReminderKind,
        rule: String?,
        event: String,
        severity: Severity,
        episode: Int,
        occurrence: Int,
        stage: Int?,
        text: (ReminderComposer) -> (summary: String, details: [String]),
        slot: String? = nil
    ) -> [Reminder] {
        var notBefore = now
        if severity < .critical, let quiet = input.settings.quietHours, quiet.contains(now) {
            notBefore = quiet.end(after: now)
        }
        let ruleKind = rule.flatMap { id in line.rules.first { $0.id == id }?.kind.name }
        let languages = line.channels.map { input.settings.language(of: line, through: $0) }
        var composed: [Language: (summary: String, details: [String], advice: String?)] = [:]
        for language in languages where composed[language] == nil {
            let speaking = composer.speaking(language)
            let written = text(speaking)
            composed[language] = (written.summary, written.details, speaking.advice(kind, snapshot, forecast, now: now))
        }
        return zip(line.channels, languages).map { channel, language in
            let words = composed[language] ?? ("", [], nil)
            return Reminder(
                id: Reminder.stableID(
                    line: line.id,
                    rule: slot ?? rule,
                    episode: episode,
                    occurrence: occurrence,
                    channel: channel
                ),
                channel: channel,
                kind: kind,
                event: event,
                severity: severity,
                lineID: line.id,
                lineName: line.name,
                ruleID: rule,
                episode: episode,
                occurrence: occurrence,
                stage: stage,
                summary: words.summary,
                details: words.details,
                remaining: snapshot.remaining,
                total: snapshot.total,
                expiresAt: snapshot.expiresAt,
                runsOutAt: forecast.runsOutAt,
                createdAt: now,
                notBefore: notBefore,
                timeZone: input.settings.zone.identifier,
                ruleKind: ruleKind,
                pacePerDay: forecast.pacePerDay,
                dailyAllowance: forecast.dailyAllowance,
                credit: snapshot.latest?.credit,
                observedAt: snapshot.latest?.observedAt,
                source: snapshot.latest?.source,
                recipients: input.settings.emailChannels.contains(channel)
                    ? line.email?.recipients(for: channel)?.map(\.description) : nil,
                renew: line.renew.isEmpty ? nil : line.renew,
                advice: words.advice,
                language: language
            )
        }
    }

    /// Records a history entry, and the matching event for the event feed (the renewal has its own).
    private func log(
        _ rule: String?,
        _ episode: Int,
        _ event: String,
        _ stage: Int?,
        _ occurrence: Int,
        _ summary: String,
        _ outcome: inout AssessmentOutcome
    ) {
        outcome.log.append(
            AlertLogEntry(
                lineID: line.id,
                ruleID: rule,
                episode: episode,
                event: event,
                stage: stage,
                occurrence: occurrence,
                at: now,
                summary: summary
            )
        )
        if event != "renewed" {
            outcome.events.append(
                WatchEvent(kind: .alert, at: now, lineID: line.id, ruleID: rule, event: event, summary: summary)
            )
        }
    }
}
