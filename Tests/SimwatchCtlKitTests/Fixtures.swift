import FoundationEssentials
import SimwatchCore
import SimwatchCtlKit

/// Central European Time from a POSIX rule, so tests need no zone files.
let paris = ZoneInfo.current(environment: ["TZ": "CET-1CEST,M3.5.0,M10.5.0/3"])

/// Friday 27 November 2026, 10:00 CET.
let friday = paris.date(year: 2026, month: 11, day: 27, hour: 10, minute: 0)

let parisTime = TimeFormat(zone: paris, now: friday)
