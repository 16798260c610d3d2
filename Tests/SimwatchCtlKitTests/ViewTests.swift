import FoundationEssentials
import SimwatchControl
import SimwatchCtlKit
import SimwatchModel
import Testing

@Suite struct ViewTests {
    @Test func status() {
        #expect(
            StatusView.render(daemonStatus, context: plainContext) == [
                "simwatchd 0.1.0, up 3d 4h (since Tue 24 Nov 06:00 CET)",
                "config     /home/ana/.config/simwatch/config.toml",
                "state      /home/ana/.local/state/simwatch",
                "time zone  Europe/Paris",
                "lines      2",
                "last poll  fr-holiday, Fri 27 Nov 09:58 CET (2m ago), ok",
                "reminders  1 pending, 0 dead",
                "",
                "1 alert firing:",
                "  LINE/RULE            SEVERITY  SINCE       NEXT REMINDER",
                "  fr-holiday/low-data  warning   1d 11m ago  Sat 28 Nov 09:49 CET (in 23h 49m)",
            ]
        )
        #expect(StatusView.exitStatus(daemonStatus) == .attention)
    }

    @Test func statusWithNothingFiringExitsZero() {
        var quiet = daemonStatus
        quiet.firing = []
        quiet.lastPoll = nil
        let lines = StatusView.render(quiet, context: plainContext)
        #expect(lines.contains("last poll  none yet"))
        #expect(lines.last == "No alerts firing.")
        #expect(StatusView.exitStatus(quiet) == .ok)
    }

    @Test func snoozedAlertsShowTheSnoozeInsteadOfTheNextReminder() {
        var snoozed = lowData
        snoozed.snoozedUntil = "2026-11-30T09:00:00+01:00"
        var reply = daemonStatus
        reply.firing = [snoozed]
        #expect(
            StatusView.render(reply, context: plainContext).last?.hasSuffix("snoozed until Mon 30 Nov 09:00 CET")
                == true
        )
        snoozed.snoozedUntil = "2026-11-27T09:00:00+01:00"
        reply.firing = [snoozed]
        #expect(StatusView.render(reply, context: plainContext).last?.hasSuffix("(in 23h 49m)") == true)
    }

    @Test func lines() {
        #expect(
            LinesView.render([holiday, travel], context: plainContext) == [
                "LINE        NAME                    DATA LEFT               EXPIRES (CET)                STATE     LAST POLL",
                "fr-holiday  Orange Holiday eSIM 🇫🇷  ≈984 MB / 2.5 GB (39%)  Fri 4 Dec 09:03 (in 6d 23h)  low-data  2m ago",
                "de-travel   Telekom Travel          8 GB / 10 GB (80%)      -                            error     1h ago",
            ]
        )
    }

    @Test func linesFitANarrowTerminalByCuttingNames() {
        var context = plainContext
        context.width = 100
        let rendered = LinesView.render([holiday, travel], context: context)
        #expect(rendered.allSatisfy { DisplayWidth.of($0) <= 100 })
        #expect(rendered[1].hasPrefix("fr-holiday  Orange Holida…  ≈984 MB"))
    }

    @Test func firingRulesAreColouredBySeverity() {
        let context = ViewContext(zone: paris, now: friday, style: TerminalStyle(colour: true), width: .max)
        let rendered = LinesView.render([holiday], severities: ["fr-holiday/low-data": "critical"], context: context)
        #expect(rendered[1].contains("\u{1B}[1;31mlow-data\u{1B}[0m"))
        #expect(rendered[0].hasPrefix("\u{1B}[1mLINE"))
    }

    @Test(
        arguments: [
            (nil, nil, "2026-11-27T09:58:00+01:00", ["ok"]),
            ("timeout", nil, "2026-11-27T09:58:00+01:00", ["error"]),
            ("timeout", "low", "2026-11-26T09:58:00+01:00", ["low", "error"]),
            (nil, nil, "2026-11-27T06:00:00+01:00", ["stale"]),
            (nil, nil, nil, ["stale"]),
            (nil, "low", "2026-11-27T09:58:00+01:00", ["low"]),
        ] as [(String?, String?, String?, [String])]
    )
    func lineConditions(error: String?, firing: String?, success: String?, expected: [String]) {
        var line = holiday
        line.lastError = error
        line.firing = firing.map { [$0] } ?? []
        line.lastSuccessAt = success
        #expect(LinesView.conditions(line, now: friday) == expected)
    }

    @Test func showALine() {
        #expect(
            LineDetailView.render(holidayDetail, context: plainContext) == [
                "fr-holiday  Orange Holiday eSIM 🇫🇷",
                "demo provider, polled every 30m, reminders to journal",
                "",
                "Plan      2.5 GB, from Fri 27 Nov 09:03 CET, expires Fri 4 Dec 09:03 CET (in 6d 23h) (configuration)",
                "Reading   about 984 MB left of 2.5 GB (39%), 4.52 EUR credit, expires Fri 4 Dec 09:03 CET (in 6d 23h)",
                "Source    demo, estimate",
                "Observed  Fri 27 Nov 09:58 CET (2m ago); provider updated Fri 27 Nov 09:40 CET (20m ago)",
                "Forecast  594 MB/day; runs out Sat 28 Nov 23:45 CET (in 1d 13h); 140 MB/day lasts until expiry",
                "Polls     last Fri 27 Nov 09:58 CET (2m ago), ok; next in 28m",
                "",
                "Rules",
                "  RULE      KIND                    SEVERITY  REPEAT                   STATE               SINCE"
                    + "       NEXT REMINDER",
                "  low-data  data_below              warning   every 1d                 firing              1d 11m ago"
                    + "  in 23h 49m",
                "  expiring  expires_within          warning   once                     idle                -"
                    + "           -",
                "  runs-out  runs_out_before_expiry  info      diminishing 1d (cap 7d)  resolved (cleared)  2h ago"
                    + "      snoozed until Mon 30 Nov 09:00 CET",
                "",
                "History (newest first)",
                "  AT                    RULE      EVENT   SUMMARY",
                "  Fri 27 Nov 09:49 CET  low-data  repeat  1.1 GB left of 2.5 GB (44%), at this pace it lasts 1d 20h",
                "  Thu 26 Nov 09:49 CET  low-data  firing  984 MB left",
            ]
        )
    }

    @Test func showALineWithoutReadingsOrHistory() {
        var detail = holidayDetail
        detail.summary.reading = nil
        detail.summary.plan = nil
        detail.summary.lastPollAt = nil
        detail.summary.lastError = "HTTP 503"
        detail.forecast = ForecastInfo(paceBytesPerDay: nil, runsOutAt: nil, dailyAllowanceBytes: nil)
        detail.history = []
        let lines = LineDetailView.render(detail, context: plainContext, historyLimit: 5)
        #expect(lines.contains("Plan      unknown"))
        #expect(lines.contains("Reading   none yet"))
        #expect(lines.contains("Forecast  not enough readings yet"))
        #expect(lines.contains("Polls     none yet; last success Fri 27 Nov 09:58 CET (2m ago); next in 28m"))
        #expect(lines.contains("Error     HTTP 503"))
        #expect(lines.last == "History  none yet")
    }

    @Test func showSaysHowToRenew() {
        var detail = holidayDetail
        detail.renew = RenewInfo(
            fields: [
                "url": "https://boutique.orange.fr/recharge", "app": "Orange et moi",
                "app_link": "https://orange.fr/app",
                "code": "#124*CODE#", "support": "+33 9 69 36 39 00",
            ],
            sentence: "Renew at https://boutique.orange.fr/recharge",
            openURL: "https://boutique.orange.fr/recharge"
        )
        let lines = LineDetailView.render(detail, context: plainContext)
        let facts = lines.filter { line in
            ["Renew ", "App ", "Code ", "Support "].contains { line.hasPrefix($0) }
        }
        #expect(
            facts == [
                "Renew     https://boutique.orange.fr/recharge",
                "App       Orange et moi (https://orange.fr/app)",
                "Code      #124*CODE#",
                "Support   +33 9 69 36 39 00",
            ]
        )
        #expect(!LineDetailView.render(holidayDetail, context: plainContext).contains { $0.hasPrefix("Renew") })
    }

    @Test func historyLimitSaysHowManyAreShown() {
        let lines = LineDetailView.render(holidayDetail, context: plainContext, historyLimit: 1)
        #expect(
            lines.suffix(3) == [
                "History (newest first, 1 of 2)",
                "  AT                    RULE      EVENT   SUMMARY",
                "  Fri 27 Nov 09:49 CET  low-data  repeat  1.1 GB left of 2.5 GB (44%), at this pace it lasts 1d 20h",
            ]
        )
    }
}
