import FoundationEssentials
import SimwatchControl
import SimwatchCtlKit
import SimwatchModel
import Testing

@Suite struct ActionViewTests {
    @Test func pollOutcomes() {
        let outcomes = [
            PollOutcome(line: "fr-holiday", ok: true, reading: holidayReading, error: nil),
            PollOutcome(line: "de-travel", ok: false, reading: nil, error: "HTTP 503"),
        ]
        #expect(
            ActionView.poll(outcomes, context: plainContext) == [
                "LINE        RESULT  READING",
                "fr-holiday  ok      about 984 MB left of 2.5 GB (39%), 4.52 EUR credit, expires Fri 4 Dec 09:03 CET"
                    + " (in 6d 23h)",
                "de-travel   failed  HTTP 503",
            ]
        )
        #expect(ActionView.pollStatus(outcomes) == .attention)
        #expect(ActionView.pollStatus(Array(outcomes.prefix(1))) == .ok)
        #expect(ActionView.pollStatus([]) == .ok)
    }

    @Test func snoozeAndUnsnooze() {
        var snoozed = lowData
        snoozed.snoozedUntil = "2026-11-30T09:00:00+01:00"
        #expect(
            ActionView.snooze([snoozed], context: plainContext) == [
                "LINE/RULE            SNOOZE                                          STATE",
                "fr-holiday/low-data  snoozed until Mon 30 Nov 09:00 CET (in 2d 23h)  firing",
            ]
        )
        let idle = AlertInfo(
            line: "fr-holiday",
            rule: "expiring",
            kind: "expiring",
            severity: "warning",
            state: "idle",
            episode: 0
        )
        #expect(
            ActionView.snooze([lowData, idle], context: plainContext).suffix(2) == [
                "fr-holiday/low-data  snooze ended, next reminder in 23h 49m  firing",
                "fr-holiday/expiring  not snoozed                             idle",
            ]
        )
    }

    @Test(
        arguments: [
            (
                ReadingInfo(
                    observedAt: "x",
                    remainingBytes: 2_000_000_000,
                    totalBytes: 20_000_000_000,
                    status: "active",
                    source: "manual"
                ),
                "2 GB left of 20 GB (10%)"
            ),
            (
                ReadingInfo(
                    observedAt: "x",
                    usedBytes: 1_500_000_000,
                    totalBytes: 2_500_000_000,
                    status: "active",
                    source: "manual"
                ),
                "1 GB left of 2.5 GB (40%)"
            ),
            (ReadingInfo(observedAt: "x", usedBytes: 1_500_000_000, status: "active", source: "manual"), "1.5 GB used"),
            (ReadingInfo(observedAt: "x", status: "unlimited", source: "manual"), "unlimited data"),
            (
                ReadingInfo(observedAt: "x", credit: "4.52 EUR", status: "not_active", source: "manual"),
                "no data figure, 4.52 EUR credit, not active"
            ),
            (
                ReadingInfo(
                    observedAt: "x",
                    remainingBytes: 0,
                    totalBytes: 1_000_000_000,
                    expiresAt: "2026-11-26T10:00:00+01:00",
                    status: "expired",
                    source: "x"
                ),
                "0 B left of 1 GB (0%), expired Thu 26 Nov 10:00 CET (1d ago), expired"
            ),
        ]
    )
    func readingSentences(reading: ReadingInfo, expected: String) {
        #expect(ReadingText.full(reading, time: parisTime) == expected)
    }

    @Test(
        arguments: [
            (984_000_000, 2_500_000_000, "39%"), (2_499_000_000, 2_500_000_000, "99%"), (0, 1, "0%"),
            (5, 0, nil), (3, 2, "100%"),
        ] as [(Int64, Int64, String?)]
    )
    func percentages(part: Int64, total: Int64, expected: String?) {
        #expect(ReadingText.percent(part, of: total) == expected)
    }

    @Test func compactDataLeft() {
        #expect(ReadingText.compact(nil, plan: holidayPlan) == "? / 2.5 GB")
        #expect(ReadingText.compact(nil, plan: nil) == "-")
        #expect(ReadingText.compact(holidayReading, plan: nil) == "≈984 MB / 2.5 GB (39%)")
    }

    @Test func renewRecordNotifyVersion() {
        let plan = PlanInfo(
            startedAt: "2026-11-27T10:00:00+01:00",
            quotaBytes: 20_000_000_000,
            expiresAt: "2026-12-27T10:00:00+01:00",
            origin: "renewal"
        )
        #expect(
            ActionView.renew(Renew.Reply(plan: plan), line: "fr-holiday", context: plainContext) == [
                "Renewed fr-holiday: 20 GB from Fri 27 Nov 10:00 CET, expires Sun 27 Dec 10:00 CET (in 30d)."
            ]
        )
        let entry = RenewalInfo(
            id: "fr-holiday/3",
            line: "fr-holiday",
            origin: "recorded",
            renewedAt: "2026-11-27T10:00:00+01:00",
            recordedAt: "2026-11-27T10:00:00+01:00",
            offer: "Orange Holiday 10 GB",
            dataBytes: 10_000_000_000,
            unlimited: false,
            expiresAt: nil,
            price: "20 EUR",
            currency: "EUR",
            order: "A-4411",
            receipt: ReceiptInfo(path: "/s/receipts/0d02-facture.pdf", sha256: "0d02", bytes: 16, name: "facture.pdf"),
            note: nil,
            usedBytes: nil,
            endedAt: nil,
            serviceDays: 0,
            check: RenewalCheckInfo(state: "waiting", at: "2026-11-27T12:00:00+01:00")
        )
        #expect(
            ActionView.renew(Renew.Reply(plan: plan, renewal: entry), line: "fr-holiday", context: plainContext)
                .dropFirst() == [
                    "Ledger: fr-holiday/3, Orange Holiday 10 GB, 20 EUR, order A-4411.",
                    "Receipt kept: /s/receipts/0d02-facture.pdf (sha256 0d02).",
                    "Waiting for the provider to show it until Fri 27 Nov 12:00 CET; `simwatchctl show fr-holiday` says "
                        + "when it does.",
                ]
        )
        #expect(
            ActionView.testNotification(.init(notificationId: "simwatch/+test/1/1/journal"), channel: "journal") == [
                "Sent a test reminder through journal (id simwatch/+test/1/1/journal)."
            ]
        )
        #expect(ActionView.reload(.init(lines: 1)) == ["Reloaded the configuration: 1 line."])
        #expect(
            ActionView.version(daemon: nil, socket: "/s") == [
                "simwatchctl \(SimwatchVersion.current)", "simwatchd: not running (/s)",
            ]
        )
    }

    @Test func eventsKeepFixedColumns() {
        let alert = ControlEvent(
            kind: "alert",
            at: "2026-11-27T09:49:00+01:00",
            line: "fr-holiday",
            rule: "low-data",
            event: "firing",
            summary: "984 MB left"
        )
        let reload = ControlEvent(kind: "reload", at: "2026-11-27T09:50:00Z", summary: "2 lines")
        let delivery = ControlEvent(
            kind: "delivery",
            at: "2026-11-27T09:49:01+01:00",
            line: "fr-holiday",
            rule: "low-data",
            event: "delivered",
            summary: "984 MB left",
            channel: "journal"
        )
        #expect(
            EventView.line(delivery, context: plainContext)
                == "2026-11-27 09:49:01  delivery     fr-holiday/low-data   delivered   via journal: 984 MB left"
        )
        #expect(
            EventView.line(alert, context: plainContext)
                == "2026-11-27 09:49:00  alert        fr-holiday/low-data   firing      984 MB left"
        )
        #expect(
            EventView.line(reload, context: plainContext)
                == "2026-11-27 10:50:00  reload       -                     -           2 lines"
        )
    }

    @Test func historyReport() {
        var points: [HistoryPoint] = []
        for hour in 0..<24 {
            let at = friday.addingTimeInterval(Double(hour - 23) * 3600).iso8601(in: paris)
            let bytes: Int64? = hour == 5 ? nil : 2_000_000_000 - Int64(hour) * 50_000_000
            points.append(HistoryPoint(at: at, remainingBytes: bytes, resolution: hour < 12 ? "hour" : "raw"))
        }
        let lines = HistoryView.render(
            points,
            line: "fr-holiday",
            start: friday.addingTimeInterval(-86_400),
            end: friday,
            quota: 2_500_000_000,
            context: ViewContext(zone: paris, now: friday, width: 60)
        )
        #expect(lines.first == "fr-holiday: data left, Thu 26 Nov 10:00 CET – Fri 27 Nov 10:00 CET")
        #expect(lines[1].hasPrefix("2.5 GB ┤"))
        #expect(
            lines.last
                == "latest 850 MB (now) · lowest 850 MB (Fri 27 Nov 10:00 CET) · highest 2 GB · 24 points (hourly and raw)"
        )
        let empty = HistoryView.render(
            [],
            line: "x",
            start: friday.addingTimeInterval(-60),
            end: friday,
            context: plainContext
        )
        #expect(empty == ["No readings of x between Fri 27 Nov 09:59 CET – Fri 27 Nov 10:00 CET."])
        #expect(HistoryView.suggestedPoints(width: 72, style: .line) == 126)
        #expect(HistoryView.suggestedPoints(width: 72, style: .bars) == 63)
    }
}
