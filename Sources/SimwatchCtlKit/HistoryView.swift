public import FoundationEssentials
public import SimwatchControl
import SimwatchModel

/// `simwatchctl history LINE`: a heading with the range, the chart, and a line of figures under it.
public enum HistoryView {
    /// The report for `points` of `line` between `start` and `end`; `quota` (the plan's size) tops the y axis.
    public static func render(
        _ points: [HistoryPoint],
        line: String,
        start: Date,
        end: Date,
        quota: Int64? = nil,
        chartStyle: HistoryChart.Style = .line,
        height: Int = 13,
        context: ViewContext
    ) -> [String] {
        let time = context.time
        let range = "\(time.absolute(start)) – \(time.absolute(end))"
        let samples = points.compactMap { point in
            TimeFormat.wire(point.at).map { HistoryChart.Sample(at: $0, bytes: point.remainingBytes) }
        }
        let figures = samples.compactMap { sample in sample.bytes.map { (sample.at, $0) } }
        guard let latest = figures.last(where: { $0.0 <= end }) ?? figures.last else {
            return ["No readings of \(line) between \(range)."]
        }
        var lines = [context.style.heading("\(line): data left") + ", \(range)"]
        let chart = HistoryChart(
            samples: samples,
            start: start,
            end: end,
            time: time,
            width: context.width,
            height: height,
            style: chartStyle,
            atLeast: quota
        )
        lines += chart.render(style: context.style)
        let lowest = figures.min { $0.1 < $1.1 }!
        let highest = figures.max { $0.1 < $1.1 }!
        var summary = [
            "latest \(ByteCount(bytes: latest.1)) (\(time.relative(latest.0)))",
            "lowest \(ByteCount(bytes: lowest.1)) (\(time.absolute(lowest.0)))",
            "highest \(ByteCount(bytes: highest.1))",
        ]
        let resolutions = points.map(\.resolution).reduce(into: [String]()) { seen, r in
            if !seen.contains(r) { seen.append(r) }
        }
        let names = ["raw": "raw", "hour": "hourly", "day": "daily"]
        let kinds = resolutions.map { names[$0] ?? $0 }.joined(separator: " and ")
        summary.append("\(ViewContext.count(points.count, "point")) (\(kinds))")
        lines.append(context.style.secondary(summary.joined(separator: " · ")))
        return lines
    }

    /// How many points to ask the daemon for so each column (bars) or Braille dot column (line) gets one.
    public static func suggestedPoints(width: Int, style: HistoryChart.Style) -> Int {
        let columns = max(10, min(width, HistoryChart.maximumWidth) - 9)
        return style == .line ? columns * 2 : columns
    }
}
