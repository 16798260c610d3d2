public import FoundationEssentials

/// Turns an alert event into the words people read, in one language. Pure: everything comes from the arguments.
/// The words themselves come from the language's `Phrasebook`; this puts them together.
public struct ReminderComposer: Sendable {
    public var zone: ZoneInfo
    public var words: any Phrasebook

    public init(zone: ZoneInfo, language: Language = .en) {
        self.zone = zone
        self.words = language.phrasebook
    }

    public var language: Language { words.language }

    /// The same composer in another language.
    public func speaking(_ language: Language) -> ReminderComposer {
        language == self.language ? self : ReminderComposer(zone: zone, language: language)
    }

    /// Summary line and detail lines for `kind` at `stage` on the snapshot's line.
    public func compose(
        kind: ReminderKind,
        rule: Rule?,
        stage: Int?,
        snapshot: LineSnapshot,
        forecast: Forecast,
        now: Date
    ) -> (summary: String, details: [String]) {
        let name = snapshot.line.name
        var parts: [String] = []
        switch kind {
        case .lowData:
            if snapshot.remaining?.bytes == 0 {
                parts.append(words.dataUsedUp)
            } else {
                parts.append(remainingPhrase(snapshot) ?? words.dataLow)
                if let lasts = lastsPhrase(forecast, now: now) { parts.append(lasts) }
            }
            if let expires = snapshot.expiresAt {
                parts.append(words.planExpires(when(expires, now: now), past: expires <= now))
            }
            return (
                words.summary(name, parts, action: act(topUp: false, snapshot)),
                details(snapshot, forecast, rule, advisingAt: now)
            )

        case .expiring:
            let expired = stage.map { s in s >= stageCount(rule) } ?? false
            if let expires = snapshot.expiresAt {
                if expired || expires <= now {
                    parts.append(words.planExpires(when(expires, now: now), past: true))
                } else {
                    parts.append(words.planExpiresIn(span(from: now, to: expires), when(expires, now: now)))
                }
            } else {
                parts.append(words.planExpired)
            }
            if let remaining = snapshot.remaining, !expired {
                parts.append(remaining.bytes == 0 ? words.noDataLeft : words.left(words.bytes(remaining)))
            }
            return (
                words.summary(name, parts, action: act(topUp: false, snapshot)),
                details(snapshot, forecast, rule, advisingAt: now)
            )

        case .runsOut:
            if let runsOut = forecast.runsOutAt {
                parts.append(
                    words.runsOut(
                        pace: forecast.pacePerDay.map { words.perDay(words.bytes($0)) },
                        in: span(from: now, to: runsOut),
                        when(runsOut, now: now)
                    )
                )
                if let expires = snapshot.expiresAt, runsOut < expires {
                    parts.append(words.beforeExpiry(span(from: runsOut, to: expires)))
                }
            }
            if let allowance = forecast.dailyAllowance { parts.append(words.useAtMost(words.bytes(allowance))) }
            return (words.summary(name, parts, action: nil), details(snapshot, forecast, rule, advisingAt: now))

        case .creditLow:
            var below: String?
            if case .creditBelow(let threshold)? = rule?.kind { below = words.money(threshold) }
            let credit = words.credit(snapshot.latest?.credit.map(words.money), below: below)
            return (
                words.summary(name, [credit], action: act(topUp: true, snapshot)),
                details(snapshot, forecast, rule)
            )

        case .stale:
            let since = snapshot.lastSuccessAt ?? snapshot.watchingSince
            let text = words.noReading(
                for: span(from: since, to: now),
                last: snapshot.lastSuccessAt.map { when($0, now: now) },
                error: snapshot.lastError
            )
            return (words.summary(name, [text], action: nil), details(snapshot, forecast, rule))

        case .renewed:
            parts.append(words.renewed)
            if let remaining = snapshot.remaining { parts.append(words.available(words.bytes(remaining))) }
            if let expires = snapshot.expiresAt { parts.append(words.validUntil(when(expires, now: now))) }
            return (words.summary(name, parts, action: nil), details(snapshot, forecast, rule, renewing: false))

        case .renewalLate, .renewalConfirmed:
            let state = kind == .renewalLate ? words.renewalNotArrived : words.renewalArrived
            return (
                words.summary(name, [state], action: nil),
                details(snapshot, forecast, rule, renewing: kind == .renewalLate)
            )

        case .test:
            return (words.summary(name, [words.testReminder], action: nil), details(snapshot, forecast, rule))
        }
    }

    /// The check of a renewal recorded by hand: it arrived ("Orange Holiday: the renewal of Tue 1 Dec 10:02
    /// arrived: airalo shows 10 GB left, valid until …"), or it has not in time ("… has not arrived after 2h:
    /// airalo still shows 120 MB left"), then whom to contact.
    public func composeCheck(
        confirmed: Bool,
        _ check: RenewalCheck,
        snapshot: LineSnapshot,
        now: Date
    ) -> (summary: String, details: [String]) {
        let source = snapshot.latest?.source ?? words.theProvider
        var figures: [String] = []
        if let remaining = snapshot.remaining { figures.append(words.shows(words.bytes(remaining))) }
        if let expires = snapshot.expiresAt { figures.append(words.validUntil(when(expires, now: now))) }
        let name = snapshot.line.name
        let renewedAt = when(check.renewedAt, now: now)
        var details: [String] = []
        if confirmed {
            details.append(words.confirmedBy(source, at: when(now, now: now)))
            let text = words.renewalCheck(of: renewedAt, waited: nil, source: source, figures: figures)
            return (words.summary(name, [text], action: nil), details)
        }
        let waited = span(from: check.renewedAt, to: now)
        if let support = snapshot.line.renew.support {
            details.append(words.contactSupport(support.description))
        } else {
            details.append(words.checkWithProvider)
        }
        details.append(words.recordedKeepsWatching(renewedAt))
        let text = words.renewalCheck(of: renewedAt, waited: waited, source: source, figures: figures)
        return (words.summary(name, [text], action: nil), details)
    }

    /// What `simwatchctl test-notify` sends through `channel`: "Orange Holiday: test reminder through mail; if you
    /// read this, the channel works", and when it was sent.
    public func composeTestNotice(name: String, channel: String, now: Date) -> (summary: String, details: [String]) {
        (words.summary(name, [words.testThrough(channel)], action: nil), [words.testSent(at: when(now, now: now))])
    }

    /// "renew now" (or "top up"), with the top-up page when the line has one: "renew now at https://…".
    func act(topUp: Bool, _ snapshot: LineSnapshot) -> String {
        words.act(topUp: topUp, url: snapshot.line.renew.url?.text)
    }

    /// Which of the line's offers covers what it needs at its pace ("At your pace (590 MB/day) you need about
    /// 9.4 GB until Sun 20 Dec: ..."); nil without offers, a pace or an offer that covers it.
    /// Only low-data, runs-out and expiry reminders carry it.
    public func advice(_ kind: ReminderKind, _ snapshot: LineSnapshot, _ forecast: Forecast, now: Date) -> String? {
        guard [.lowData, .runsOut, .expiring].contains(kind), !snapshot.line.offers.isEmpty else { return nil }
        let advice = OfferAdvisor.advise(
            snapshot.line.offers,
            neededUntil: snapshot.line.neededUntil,
            pace: forecast.pacePerDay,
            remaining: snapshot.remaining,
            total: snapshot.total,
            period: snapshot.period,
            now: now
        )
        return words.advice(advice, zone: zone)
    }

    /// "820 MB left of 5 GB (16%)"
    func remainingPhrase(_ snapshot: LineSnapshot) -> String? {
        guard let remaining = snapshot.remaining else { return nil }
        guard let total = snapshot.total, total.bytes > 0 else {
            return words.remaining(words.bytes(remaining), of: nil, percent: nil)
        }
        let percent = Int((Double(remaining.bytes) * 100 / Double(total.bytes)).rounded())
        return words.remaining(words.bytes(remaining), of: words.bytes(total), percent: words.percent(percent))
    }

    func lastsPhrase(_ forecast: Forecast, now: Date) -> String? {
        guard let runsOut = forecast.runsOutAt else { return nil }
        return words.lasts(span(from: now, to: runsOut))
    }

    /// A local time with its zone: "Fri 4 Dec 10:00 CET".
    public func when(_ date: Date, now: Date) -> String {
        words.when(date, zone: zone)
    }

    /// A rounded duration: "3d 4h", "45m".
    public func span(from: Date, to: Date) -> String {
        words.span(from: from, to: to)
    }

    private func stageCount(_ rule: Rule?) -> Int {
        if case .expiresWithin(let stages)? = rule?.kind { return stages.count }
        return Int.max
    }

    /// The lines under the summary; the first says how to renew (`[line.renew]`), unless the line was just renewed;
    /// low-data, runs-out and expiry reminders (`advisingAt`) add which offer covers the need.
    private func details(
        _ snapshot: LineSnapshot,
        _ forecast: Forecast,
        _ rule: Rule?,
        renewing: Bool = true,
        advisingAt: Date? = nil
    ) -> [String] {
        var lines: [String] = []
        let renew = words.renewal(snapshot.line.renew)
        if renewing && !renew.isEmpty { lines.append(renew) }
        if renewing, let now = advisingAt, let advice = advice(.lowData, snapshot, forecast, now: now) {
            lines.append(advice)
        }
        if let remaining = remainingPhrase(snapshot) { lines.append(words.detailRemaining(remaining)) }
        if let expires = snapshot.expiresAt {
            lines.append(words.detailExpires(words.when(expires, zone: zone), iso: expires.iso8601(in: zone)))
        }
        if let pace = forecast.pacePerDay { lines.append(words.detailPace(words.perDay(words.bytes(pace)))) }
        if let allowance = forecast.dailyAllowance {
            lines.append(words.detailAllowance(words.perDay(words.bytes(allowance))))
        }
        if let credit = snapshot.latest?.credit { lines.append(words.detailCredit(words.money(credit))) }
        if let rule { lines.append(words.detailRule(rule.id, kind: rule.kind.name, severity: rule.severity.rawValue)) }
        if let latest = snapshot.latest {
            let observed = words.when(latest.observedAt, zone: zone)
            lines.append(words.detailSource(latest.source, observed: observed, estimated: latest.estimated))
        }
        return lines
    }
}
