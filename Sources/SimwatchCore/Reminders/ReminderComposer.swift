public import FoundationEssentials

/// Turns an alert event into the words people read. Pure: everything comes from the arguments.
public struct ReminderComposer: Sendable {
    public var zone: ZoneInfo

    public init(zone: ZoneInfo) {
        self.zone = zone
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
                parts.append("data used up")
            } else {
                parts.append(remainingPhrase(snapshot) ?? "data low")
                if let lasts = lastsPhrase(forecast, now: now) { parts.append(lasts) }
            }
            if let expires = snapshot.expiresAt {
                parts.append("plan \(expires > now ? "expires" : "expired") \(when(expires, now: now))")
            }
            return (
                name + ": " + parts.joined(separator: ", ") + ": " + act("renew now", snapshot),
                details(snapshot, forecast, rule, advisingAt: now)
            )

        case .expiring:
            let expired = stage.map { s in s >= stageCount(rule) } ?? false
            if let expires = snapshot.expiresAt {
                if expired || expires <= now {
                    parts.append("plan expired \(when(expires, now: now))")
                } else {
                    parts.append("plan expires in \(span(from: now, to: expires)) (\(when(expires, now: now)))")
                }
            } else {
                parts.append("plan expired")
            }
            if let remaining = snapshot.remaining, !expired {
                parts.append(remaining.bytes == 0 ? "no data left" : "\(remaining) left")
            }
            return (
                name + ": " + parts.joined(separator: ", ") + ": " + act("renew now", snapshot),
                details(snapshot, forecast, rule, advisingAt: now)
            )

        case .runsOut:
            let pace = forecast.pacePerDay.map { " (\($0)/day)" } ?? ""
            if let runsOut = forecast.runsOutAt {
                parts.append(
                    "at this pace\(pace) data runs out in \(span(from: now, to: runsOut)) (\(when(runsOut, now: now)))"
                )
                if let expires = snapshot.expiresAt, runsOut < expires {
                    parts.append("\(span(from: runsOut, to: expires)) before the plan expires")
                }
            }
            if let allowance = forecast.dailyAllowance { parts.append("use at most \(allowance)/day to last") }
            return (name + ": " + parts.joined(separator: ", "), details(snapshot, forecast, rule, advisingAt: now))

        case .creditLow:
            let credit = snapshot.latest?.credit.map(\.description) ?? "unknown"
            var text = "\(name): credit \(credit)"
            if case .creditBelow(let threshold)? = rule?.kind { text += ", below \(threshold)" }
            return (text + ": " + act("top up", snapshot), details(snapshot, forecast, rule))

        case .stale:
            let since = snapshot.lastSuccessAt ?? snapshot.watchingSince
            var text = "\(name): no reading for \(span(from: since, to: now))"
            if let last = snapshot.lastSuccessAt { text += " (last \(when(last, now: now)))" }
            if let error = snapshot.lastError { text += ": \(error)" }
            return (text, details(snapshot, forecast, rule))

        case .renewed:
            parts.append("renewed")
            if let remaining = snapshot.remaining { parts.append("\(remaining) available") }
            if let expires = snapshot.expiresAt { parts.append("valid until \(when(expires, now: now))") }
            return (name + ": " + parts.joined(separator: ", "), details(snapshot, forecast, rule, renewing: false))

        case .renewalLate, .renewalConfirmed:
            let state = kind == .renewalLate ? "the renewal has not arrived" : "the renewal arrived"
            return (name + ": " + state, details(snapshot, forecast, rule, renewing: kind == .renewalLate))

        case .test:
            return ("\(name): test reminder from simwatch", details(snapshot, forecast, rule))
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
        let renewal = "the renewal of \(when(check.renewedAt, now: now))"
        let source = snapshot.latest?.source ?? "the provider"
        var shows: [String] = []
        if let remaining = snapshot.remaining { shows.append("\(remaining) left") }
        if let expires = snapshot.expiresAt { shows.append("valid until \(when(expires, now: now))") }
        let figures =
            shows.isEmpty
            ? ""
            : ": \(source) \(confirmed ? "shows" : "still shows") "
                + shows.joined(separator: ", ")
        let name = snapshot.line.name
        var details: [String] = []
        if confirmed {
            details.append("Confirmed by \(source) at \(when(now, now: now)).")
            return ("\(name): \(renewal) arrived\(figures)", details)
        }
        let waited = span(from: check.renewedAt, to: now)
        if let support = snapshot.line.renew.support {
            details.append("Contact support: \(support).")
        } else {
            details.append("Check the provider's page, or contact its support with the order number.")
        }
        details.append("Recorded \(when(check.renewedAt, now: now)); simwatch keeps watching and says when it arrives.")
        return ("\(name): \(renewal) has not arrived after \(waited)\(figures)", details)
    }

    /// "renew now", with the top-up page when the line has one: "renew now at https://…".
    func act(_ verb: String, _ snapshot: LineSnapshot) -> String {
        snapshot.line.renew.url.map { "\(verb) at \($0)" } ?? verb
    }

    /// Which of the line's offers covers what it needs at its pace ("At your pace (590 MB/day) you need about
    /// 9.4 GB until Sun 20 Dec: ..."); nil without offers, a pace or an offer that covers it.
    /// Only low-data, runs-out and expiry reminders carry it.
    public func advice(_ kind: ReminderKind, _ snapshot: LineSnapshot, _ forecast: Forecast, now: Date) -> String? {
        guard [.lowData, .runsOut, .expiring].contains(kind), !snapshot.line.offers.isEmpty else { return nil }
        return OfferAdvisor.advise(
            snapshot.line.offers,
            neededUntil: snapshot.line.neededUntil,
            pace: forecast.pacePerDay,
            remaining: snapshot.remaining,
            total: snapshot.total,
            period: snapshot.period,
            now: now
        ).sentence(zone: zone)
    }

    /// "820 MB left of 5 GB (16%)"
    func remainingPhrase(_ snapshot: LineSnapshot) -> String? {
        guard let remaining = snapshot.remaining else { return nil }
        guard let total = snapshot.total, total.bytes > 0 else { return "\(remaining) left" }
        let percent = Int((Double(remaining.bytes) * 100 / Double(total.bytes)).rounded())
        return "\(remaining) left of \(total) (\(percent)%)"
    }

    func lastsPhrase(_ forecast: Forecast, now: Date) -> String? {
        guard let runsOut = forecast.runsOutAt else { return nil }
        return "at this pace it lasts \(span(from: now, to: runsOut))"
    }

    /// A local time with its zone: "Fri 4 Dec 10:00 CET".
    public func when(_ date: Date, now: Date) -> String {
        zone.localDateTime(date).humanDescription
    }

    /// A rounded duration: "3d 4h", "45m".
    public func span(from: Date, to: Date) -> String {
        let seconds = Int64(max(0, to.timeIntervalSince(from)))
        return TimeSpan(seconds: seconds >= 3600 ? seconds / 60 * 60 : seconds).description
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
        let renew = snapshot.line.renew.sentence
        if renewing && !renew.isEmpty { lines.append(renew) }
        if renewing, let now = advisingAt, let advice = advice(.lowData, snapshot, forecast, now: now) {
            lines.append(advice)
        }
        if let remaining = remainingPhrase(snapshot) { lines.append("Remaining: \(remaining)") }
        if let expires = snapshot.expiresAt {
            lines.append("Expires: \(zone.localDateTime(expires).humanDescription) (\(expires.iso8601(in: zone)))")
        }
        if let pace = forecast.pacePerDay { lines.append("Pace: \(pace)/day") }
        if let allowance = forecast.dailyAllowance { lines.append("To last until expiry: \(allowance)/day") }
        if let credit = snapshot.latest?.credit { lines.append("Credit: \(credit)") }
        if let rule { lines.append("Rule: \(rule.id) (\(rule.kind.name), \(rule.severity.rawValue))") }
        if let latest = snapshot.latest {
            let observed = zone.localDateTime(latest.observedAt).humanDescription
            lines.append("Source: \(latest.source), observed \(observed)\(latest.estimated ? " (estimate)" : "")")
        }
        return lines
    }
}
