public import FoundationEssentials
import SimwatchModel

/// The vertical scale of a chart of amounts of data: a round top and round ticks (1, 2 or 5 × 10ⁿ bytes), so
/// every tick reads well in decimal units ("500 MB", "1.5 GB", "20 GB").
public struct ByteScale: Sendable, Hashable {
    /// The value at the top of the chart.
    public var top: Int64
    /// Tick values from 0 up to `top`, ascending.
    public var ticks: [Int64]

    /// The smallest round scale reaching `maximum` with at most `maxIntervals` intervals between ticks.
    public init(maximum: Int64, maxIntervals: Int) {
        // Capped at a quarter of Int64.max (2.3 EB, far beyond any plan) so that `maximum + step` cannot overflow.
        let maximum = min(max(maximum, 1), Int64.max / 4)
        let intervals = max(1, maxIntervals)
        var magnitude: Int64 = 1
        var step: Int64 = 1
        search: while magnitude < Int64.max / 10 {
            for factor: Int64 in [1, 2, 5] {
                step = factor * magnitude
                if (maximum + step - 1) / step <= Int64(intervals) { break search }
            }
            magnitude *= 10
        }
        let count = (maximum + step - 1) / step
        top = count * step
        ticks = (0...count).map { $0 * step }
    }

    /// The label of a tick: "0 B", "500 MB", "2.5 GB".
    public static func label(_ value: Int64) -> String { ByteCount(bytes: value).description }
}

/// Where the time axis of a chart gets its ticks: on round local times (hours, midnights, Mondays, the first of a
/// month), as many as fit with their labels.
public struct TimeTicks: Sendable {
    /// One tick: its instant and its label ("06:00", "28 Nov").
    public struct Tick: Sendable, Hashable {
        public var at: Date
        public var label: String
    }

    enum Interval: Hashable {
        case hours(Int)
        case days(Int)
        case weeks
        case months(Int)

        static let all: [Interval] = [
            .hours(1), .hours(2), .hours(3), .hours(6), .hours(12), .days(1), .days(2), .weeks, .months(1),
            .months(3),
        ]
    }

    /// The ticks between `start` and `end` for the smallest interval whose labels, each `spacing` columns apart
    /// at least, fit in `columns`; `column(of:)` places an instant.
    public static func make(
        start: Date,
        end: Date,
        columns: Int,
        time: TimeFormat,
        column: (Date) -> Int
    ) -> [Tick] {
        var fallback: [Tick] = []
        for interval in Interval.all {
            let ticks = candidates(interval, start: start, end: end, time: time)
            if ticks.isEmpty { continue }
            fallback = ticks
            if fits(ticks, columns: columns, column: column) { return ticks }
        }
        return fallback.isEmpty ? [Tick(at: start, label: time.dayMonth(start))] : fallback
    }

    static func fits(_ ticks: [Tick], columns: Int, column: (Date) -> Int) -> Bool {
        var nextFree = 0
        for (index, tick) in ticks.enumerated() {
            guard let at = labelColumn(tick, columns: columns, column: column), at >= nextFree else {
                // The last label may be left out (the heading gives the end of the range); no other may.
                return index == ticks.count - 1
            }
            nextFree = at + DisplayWidth.of(tick.label) + 1
        }
        return true
    }

    /// Where a tick's label starts: under its mark, or ending at the right edge when it would run past it.
    static func labelColumn(_ tick: Tick, columns: Int, column: (Date) -> Int) -> Int? {
        let width = DisplayWidth.of(tick.label)
        guard width <= columns else { return nil }
        return min(column(tick.at), columns - width)
    }

    static func candidates(_ interval: Interval, start: Date, end: Date, time: TimeFormat) -> [Tick] {
        let zone = time.zone
        let first = zone.localDateTime(start)
        func midnight(_ k: Int) -> Date {
            zone.date(year: first.year, month: first.month, day: first.day + k, hour: 0, minute: 0)
        }
        switch interval {
        case .hours(let step):
            let instants = stepping(start: start, end: end) { k in
                zone.date(year: first.year, month: first.month, day: first.day, hour: k * step, minute: 0)
            }
            return instants.map {
                Tick(at: $0, label: zone.localDateTime($0).hour == 0 ? time.dayMonth($0) : time.clock($0))
            }
        case .days(let step):
            let instants = stepping(start: start, end: end, midnight).enumerated().filter { $0.offset % step == 0 }
            return instants.map { Tick(at: $0.element, label: time.dayMonth($0.element)) }
        case .weeks:
            let instants = stepping(start: start, end: end, midnight).filter { zone.localDateTime($0).weekday == 1 }
            return instants.map { Tick(at: $0, label: time.dayMonth($0)) }
        case .months(let step):
            let instants = stepping(start: start, end: end) { k in
                zone.date(year: first.year, month: first.month + k, day: 1, hour: 0, minute: 0)
            }
            return instants.filter { (zone.localDateTime($0).month - 1) % step == 0 }.map {
                Tick(at: $0, label: time.dayMonth($0))
            }
        }
    }

    /// `make(0)`, `make(1)` ... from `start` to `end`; several local times landing on one instant around a DST
    /// change count once.
    static func stepping(start: Date, end: Date, _ make: (Int) -> Date) -> [Date] {
        var out: [Date] = []
        for k in 0..<5000 {
            let date = make(k)
            if date > end { break }
            if date >= start && out.last != date { out.append(date) }
        }
        return out
    }
}
