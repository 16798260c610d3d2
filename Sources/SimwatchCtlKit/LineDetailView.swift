public import SimwatchControl
import SimwatchModel

/// `simwatchctl show LINE`: plan, reading, forecast, polling, rules with their alerts, recent history.
public enum LineDetailView {
    /// The detail as lines, with at most `historyLimit` history entries (newest first).
    public static func render(_ detail: LineDetail, context: ViewContext, historyLimit: Int = 10) -> [String] {
        let line = detail.summary
        let time = context.time
        let style = context.style
        var lines = [style.heading(line.id) + "  " + line.name]
        let channels =
            detail.channels.isEmpty ? "no channels" : "reminders to " + detail.channels.joined(separator: ", ")
        lines.append(
            style.secondary(
                "\(line.provider) provider, polled every \(TimeSpan(seconds: line.pollIntervalSeconds)), \(channels)"
            )
        )
        lines.append("")
        lines += context.fields(facts(detail, context: context))
        lines.append("")
        lines.append(style.heading("Rules"))
        lines += rulesTable(detail, context: context).render(style: style, indent: 2, maxWidth: context.width)
        lines.append("")
        let shown = Array(detail.history.prefix(historyLimit))
        if shown.isEmpty {
            lines.append(style.heading("History") + "  none yet")
        } else {
            let more = detail.history.count > shown.count ? ", \(shown.count) of \(detail.history.count)" : ""
            lines.append(style.heading("History") + style.secondary(" (newest first\(more))"))
            var table = TextTable([.init("AT"), .init("RULE"), .init("EVENT"), .init("SUMMARY", shrinks: true)])
            for entry in shown {
                table.append([time.absolute(wire: entry.at), entry.rule ?? "-", entry.event, entry.summary])
            }
            lines += table.render(style: style, indent: 2, maxWidth: context.width)
        }
        return lines
    }

    /// Plan, Reading, Observed, Source, Forecast, Polls, Error.
    static func facts(_ detail: LineDetail, context: ViewContext) -> [(String, String)] {
        let line = detail.summary
        let time = context.time
        var pairs: [(String, String)] = []
        if let plan = line.plan {
            var text = plan.quotaBytes.map { ByteCount(bytes: $0).description } ?? "no data limit"
            text += ", from \(time.absolute(wire: plan.startedAt))"
            if let expires = plan.expiresAt {
                let verb = TimeFormat.wire(expires).map { $0 <= time.now } == true ? "expired" : "expires"
                text += ", \(verb) \(time.both(wire: expires))"
            }
            text += plan.origin == "renewal" ? " (renewal)" : " (configuration)"
            pairs.append(("Plan", text))
        } else {
            pairs.append(("Plan", "unknown"))
        }
        if let reading = line.reading {
            pairs.append(("Reading", ReadingText.full(reading, plan: line.plan, time: time)))
            var source = reading.source
            if reading.estimated { source += ", " + context.style.paint("estimate", .yellow) }
            pairs.append(("Source", source))
            var observed = time.both(wire: reading.observedAt)
            if let updated = reading.providerUpdatedAt {
                observed += "; provider updated \(time.both(wire: updated))"
            }
            pairs.append(("Observed", observed))
        } else {
            pairs.append(("Reading", "none yet"))
        }
        pairs.append(("Forecast", forecast(detail.forecast, time: time)))
        pairs.append(("Polls", polls(line, context: context)))
        if let error = line.lastError { pairs.append(("Error", context.style.bad(error))) }
        if let renew = detail.renew { pairs += renewal(renew) }
        if let last = detail.lastRenewal { pairs.append(("Renewed", lastRenewal(last, context: context))) }
        return pairs
    }

    /// "renewal of Tue 1 Dec 10:02: confirmed by airalo at Tue 1 Dec 10:24", "… not confirmed yet (waiting until
    /// 12:02)", "… NOT confirmed: the provider did not show it by 12:02".
    static func lastRenewal(_ entry: RenewalInfo, context: ViewContext) -> String {
        let time = context.time
        var text = "renewal of \(time.absolute(wire: entry.renewedAt)) (\(entry.id)"
        if let offer = entry.offer { text += ", \(offer)" }
        if let price = entry.price { text += ", \(price)" }
        text += ")"
        switch entry.check.state {
        case "confirmed":
            return text + ": confirmed by \(entry.check.by ?? "the provider") at \(time.absolute(wire: entry.check.at))"
        case "waiting":
            return text + ": not confirmed yet (waiting until \(time.absolute(wire: entry.check.at)))"
        case "late":
            return text + ": "
                + context.style.bad(
                    "NOT confirmed: the provider did not show it by \(time.absolute(wire: entry.check.at))"
                )
        default:
            return text + (entry.origin == "detected" ? ": seen in the readings" : "")
        }
    }

    /// Renew, App, Shop, Code, Support, Note: `[line.renew]`, one fact each.
    static func renewal(_ renew: RenewInfo) -> [(String, String)] {
        var pairs: [(String, String)] = []
        if let url = renew.url { pairs.append(("Renew", url)) }
        if let app = renew.app { pairs.append(("App", renew.appLink.map { "\(app) (\($0))" } ?? app)) }
        if let shop = renew.shop { pairs.append(("Shop", shop)) }
        if let code = renew.code { pairs.append(("Code", code)) }
        if let support = renew.support { pairs.append(("Support", support)) }
        if let note = renew.note { pairs.append(("Note", note)) }
        return pairs
    }

    /// "594 MB/day; runs out Tue 1 Dec 14:02 CET (in 1d 4h); 246 MB/day lasts until expiry".
    static func forecast(_ forecast: ForecastInfo, time: TimeFormat) -> String {
        var parts: [String] = []
        if let pace = forecast.paceBytesPerDay { parts.append("\(ByteCount(bytes: pace))/day") }
        if let runsOut = forecast.runsOutAt { parts.append("runs out \(time.both(wire: runsOut))") }
        if let allowance = forecast.dailyAllowanceBytes {
            parts.append("\(ByteCount(bytes: allowance))/day lasts until expiry")
        }
        return parts.isEmpty ? "not enough readings yet" : parts.joined(separator: "; ")
    }

    static func polls(_ line: LineSummary, context: ViewContext) -> String {
        let time = context.time
        var parts: [String] = []
        if let last = line.lastPollAt {
            let outcome = line.lastError == nil ? context.style.good("ok") : context.style.bad("failed")
            parts.append("last \(time.both(wire: last)), \(outcome)")
        } else {
            parts.append("none yet")
        }
        if let success = line.lastSuccessAt, line.lastError != nil {
            parts.append("last success \(time.both(wire: success))")
        }
        if let next = line.nextPollAt { parts.append("next \(time.relative(wire: next))") }
        return parts.joined(separator: "; ")
    }

    /// One row per rule with its alert: RULE, KIND, SEVERITY, REPEAT, STATE, SINCE, NEXT REMINDER.
    static func rulesTable(_ detail: LineDetail, context: ViewContext) -> TextTable {
        let style = context.style
        var table = TextTable([
            .init("RULE"), .init("KIND"), .init("SEVERITY"), .init("REPEAT"), .init("STATE"), .init("SINCE"),
            .init("NEXT REMINDER", shrinks: true),
        ])
        var alerts = Dictionary(detail.alerts.map { ($0.rule, $0) }, uniquingKeysWith: { first, _ in first })
        for rule in detail.rules {
            let alert = alerts.removeValue(forKey: rule.id)
            table.append(
                [rule.id, rule.kind, style.severity(rule.severity), rule.repeat] + alertCells(alert, context: context)
            )
        }
        for alert in detail.alerts where alerts[alert.rule] != nil {
            table.append(
                [alert.rule, alert.kind, style.severity(alert.severity), "-"] + alertCells(alert, context: context)
            )
        }
        return table
    }

    /// STATE, SINCE and NEXT REMINDER of an alert.
    static func alertCells(_ alert: AlertInfo?, context: ViewContext) -> [String] {
        let time = context.time
        guard let alert else { return ["idle", "-", "-"] }
        var snooze: String?
        if let until = alert.snoozedUntil, let date = TimeFormat.wire(until), date > time.now {
            snooze = "snoozed until \(time.absolute(date))"
        }
        switch alert.state {
        case "firing":
            // Stage 0 is the rule's first threshold; a later one means the alert escalated.
            let stage = (alert.stage ?? 0) > 0 ? ", escalated" : ""
            return [
                context.style.severity(alert.severity, text: "firing") + stage,
                time.relative(wire: alert.since),
                snooze ?? time.relative(wire: alert.nextReminderAt),
            ]
        case "resolved":
            let reason = alert.resolvedReason.map { " (\($0))" } ?? ""
            return ["resolved" + reason, time.relative(wire: alert.resolvedAt), snooze ?? "-"]
        default:
            return [alert.state, "-", snooze ?? "-"]
        }
    }
}
