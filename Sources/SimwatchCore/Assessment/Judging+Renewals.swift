import FoundationEssentials

/// The renewal ledger's part of an assessment: an entry for each renewal (recorded or detected, priced from a
/// matching offer), the end of the period before it, and the check that the provider shows a renewal recorded by
/// hand.
extension Judging {
    /// The ledger entry of the renewal this assessment saw, number `sequence`; `before` is the reading before it.
    /// A renewal recorded by hand on a source that reports figures opens a check.
    func addToLedger(
        recorded: RenewalEntry?,
        sequence: Int,
        before: Reading?,
        into outcome: inout AssessmentOutcome
    ) {
        if sequence > 1 {
            outcome.ledger.append(
                .close(line: line.id, sequence: sequence - 1, used: before?.effectiveUsed, at: now)
            )
        }
        var entry = recorded ?? detectedEntry(before: before, after: outcome.latest)
        entry.sequence = sequence
        if let replaced = outcome.record.check {
            // A new renewal recorded while the last one was awaited: that one is no longer checked on its own.
            outcome.ledger.append(.check(line: line.id, sequence: replaced.sequence, .notNeeded))
        }
        outcome.record.check = nil
        if recorded != nil, line.checksRenewals {
            let check = RenewalCheck(
                sequence: sequence,
                renewedAt: entry.renewedAt,
                until: now + line.confirmWithin,
                remainingBefore: before?.effectiveRemaining,
                expiresBefore: before?.expiresAt
            )
            entry.check = check.state
            outcome.record.check = check
        }
        outcome.ledger.append(.add(entry))
    }

    /// A top-up seen in the readings: what was added, until when, and the offer it matches with its price.
    func detectedEntry(before: Reading?, after: Reading?) -> RenewalEntry {
        var added: ByteCount?
        if let now = after?.effectiveRemaining, let then = before?.effectiveRemaining, now.bytes > then.bytes {
            added = ByteCount(bytes: now.bytes - then.bytes)
        }
        let validFor = after?.expiresAt.map { $0.timeIntervalSince(now) }
        let offer = OfferMatch.offer(in: line.offers, added: added, total: after?.total, validFor: validFor)
        return RenewalEntry(
            lineID: line.id,
            sequence: 0,
            origin: .detected,
            renewedAt: now,
            recordedAt: now,
            offer: offer?.name,
            data: added ?? after?.total,
            expiresAt: after?.expiresAt,
            price: offer?.price
        )
    }

    /// A reading that shows the renewal being checked: the entry is confirmed by the reading's source, and a
    /// warning that it had not arrived is resolved with a notice.
    func confirm(_ check: RenewalCheck, by reading: Reading, into outcome: inout AssessmentOutcome) {
        outcome.record.check = nil
        outcome.ledger.append(
            .check(line: line.id, sequence: check.sequence, .confirmed(at: now, by: reading.source))
        )
        let compose = { (composer: ReminderComposer) in
            composer.composeCheck(confirmed: true, check, snapshot: snapshot, now: now)
        }
        let text = compose(composer)
        outcome.log.append(
            AlertLogEntry(
                lineID: line.id,
                ruleID: nil,
                episode: check.sequence,
                event: "confirmed",
                stage: nil,
                occurrence: 1,
                at: now,
                summary: text.summary
            )
        )
        outcome.events.append(
            WatchEvent(kind: .renewal, at: now, lineID: line.id, event: "confirmed", summary: text.summary)
        )
        guard check.late else { return }
        outcome.reminders += reminders(
            kind: .renewalConfirmed,
            rule: nil,
            event: "resolved",
            severity: .info,
            episode: check.sequence,
            occurrence: 2,
            stage: nil,
            text: compose,
            slot: Self.checkSlot
        )
    }

    /// The wait is over and the provider still shows the old plan: a warning naming the support contact.
    func late(_ check: RenewalCheck, into outcome: inout AssessmentOutcome) {
        var late = check
        late.late = true
        outcome.record.check = late
        outcome.ledger.append(.check(line: line.id, sequence: check.sequence, late.state))
        let compose = { (composer: ReminderComposer) in
            composer.composeCheck(confirmed: false, check, snapshot: snapshot, now: now)
        }
        let text = compose(composer)
        outcome.log.append(
            AlertLogEntry(
                lineID: line.id,
                ruleID: nil,
                episode: check.sequence,
                event: "unconfirmed",
                stage: nil,
                occurrence: 1,
                at: now,
                summary: text.summary
            )
        )
        outcome.events.append(
            WatchEvent(kind: .renewal, at: now, lineID: line.id, event: "unconfirmed", summary: text.summary)
        )
        outcome.reminders += reminders(
            kind: .renewalLate,
            rule: nil,
            event: "firing",
            severity: .warning,
            episode: check.sequence,
            occurrence: 1,
            stage: nil,
            text: compose,
            slot: Self.checkSlot
        )
    }

    /// The reminders' id part for the check (rule ids cannot start with "+").
    static let checkSlot = "+renewal-check"
}
