import FoundationEssentials
import SimwatchControl
import SimwatchCtlKit
import SimwatchModel

/// Central European Time from a POSIX rule, so tests need no zone files.
/// simwatchctl's exit status (Swift Testing has an `ExitStatus` of its own).
typealias CtlStatus = SimwatchCtlKit.ExitStatus

let paris = ZoneInfo.current(environment: ["TZ": "CET-1CEST,M3.5.0,M10.5.0/3"])

/// Friday 27 November 2026, 10:00 CET.
let friday = paris.date(year: 2026, month: 11, day: 27, hour: 10, minute: 0)

let parisTime = TimeFormat(zone: paris, now: friday)

let plainContext = ViewContext(zone: paris, now: friday, style: .plain, width: .max)

/// A French holiday eSIM, 984 MB left of 2.5 GB, low-data firing, polled two minutes ago.
let holidayReading = ReadingInfo(
    observedAt: "2026-11-27T09:58:00+01:00",
    providerUpdatedAt: "2026-11-27T09:40:00+01:00",
    remainingBytes: 984_000_000,
    totalBytes: 2_500_000_000,
    credit: "4.52 EUR",
    expiresAt: "2026-12-04T09:03:00+01:00",
    status: "active",
    source: "demo",
    estimated: true
)

let holidayPlan = PlanInfo(
    startedAt: "2026-11-27T09:03:00+01:00",
    quotaBytes: 2_500_000_000,
    expiresAt: "2026-12-04T09:03:00+01:00",
    origin: "config"
)

let holiday = LineSummary(
    id: "fr-holiday",
    name: "Orange Holiday eSIM 🇫🇷",
    provider: "demo",
    pollIntervalSeconds: 1800,
    reading: holidayReading,
    plan: holidayPlan,
    firing: ["low-data"],
    lastPollAt: "2026-11-27T09:58:00+01:00",
    lastSuccessAt: "2026-11-27T09:58:00+01:00",
    lastError: nil,
    nextPollAt: "2026-11-27T10:28:00+01:00"
)

/// A German line whose provider failed for a day.
let travel = LineSummary(
    id: "de-travel",
    name: "Telekom Travel",
    provider: "http",
    pollIntervalSeconds: 3600,
    reading: ReadingInfo(
        observedAt: "2026-11-26T08:00:00+01:00",
        usedBytes: 2_000_000_000,
        totalBytes: 10_000_000_000,
        status: "active",
        source: "http"
    ),
    plan: nil,
    firing: [],
    lastPollAt: "2026-11-27T09:00:00+01:00",
    lastSuccessAt: "2026-11-26T08:00:00+01:00",
    lastError: "HTTP 503 from api.example",
    nextPollAt: nil
)

let lowData = AlertInfo(
    line: "fr-holiday",
    rule: "low-data",
    kind: "low_data",
    severity: "warning",
    state: "firing",
    episode: 1,
    stage: 0,
    occurrence: 2,
    since: "2026-11-26T09:49:00+01:00",
    lastNotifiedAt: "2026-11-27T09:49:00+01:00",
    nextReminderAt: "2026-11-28T09:49:00+01:00"
)

let daemonStatus = GetStatus.Reply(
    now: "2026-11-27T10:00:00+01:00",
    version: "0.1.0",
    startedAt: "2026-11-24T06:00:00+01:00",
    uptimeSeconds: 3 * 86_400 + 4 * 3600 + 125,
    configPath: "/home/ana/.config/simwatch/config.toml",
    stateDir: "/home/ana/.local/state/simwatch",
    timeZone: "Europe/Paris",
    lines: 2,
    firing: [lowData],
    lastPoll: LastPoll(line: "fr-holiday", at: "2026-11-27T09:58:00+01:00", ok: true),
    pendingReminders: 1,
    deadReminders: 0
)

let holidayDetail = LineDetail(
    summary: holiday,
    channels: ["journal"],
    rules: [
        RuleInfo(id: "low-data", kind: "data_below", severity: "warning", repeat: "every 1d"),
        RuleInfo(id: "expiring", kind: "expires_within", severity: "warning", repeat: "once"),
        RuleInfo(id: "runs-out", kind: "runs_out_before_expiry", severity: "info", repeat: "diminishing 1d (cap 7d)"),
    ],
    alerts: [
        lowData,
        AlertInfo(
            line: "fr-holiday",
            rule: "runs-out",
            kind: "runs_out",
            severity: "info",
            state: "resolved",
            episode: 1,
            resolvedAt: "2026-11-27T08:00:00+01:00",
            resolvedReason: "cleared",
            snoozedUntil: "2026-11-30T09:00:00+01:00"
        ),
    ],
    forecast: ForecastInfo(
        paceBytesPerDay: 594_000_000,
        runsOutAt: "2026-11-28T23:45:00+01:00",
        dailyAllowanceBytes: 140_000_000
    ),
    history: [
        HistoryEntry(
            at: "2026-11-27T09:49:00+01:00",
            rule: "low-data",
            event: "repeat",
            episode: 1,
            occurrence: 2,
            summary: "1.1 GB left of 2.5 GB (44%), at this pace it lasts 1d 20h"
        ),
        HistoryEntry(
            at: "2026-11-26T09:49:00+01:00",
            rule: "low-data",
            event: "firing",
            episode: 1,
            occurrence: 1,
            summary: "984 MB left"
        ),
    ]
)
