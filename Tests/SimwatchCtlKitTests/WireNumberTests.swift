import FoundationEssentials
import SimwatchControl
import SimwatchCtlKit
import SimwatchModel
import Testing

/// Figures on the wire and sizes from the environment are not trusted to be small: views saturate or clamp
/// instead of trapping on overflow.
@Suite struct WireNumberTests {
    @Test(
        arguments: [
            (Int64.max, 1, "100%"), (Int64.min, 1, "0%"), (1, Int64.max, "0%"), (Int64.max, Int64.max, "100%"),
        ] as [(Int64, Int64, String)]
    )
    func percentagesOfHugeFigures(part: Int64, total: Int64, expected: String) {
        #expect(ReadingText.percent(part, of: total) == expected)
    }

    @Test(
        arguments: [(Int64.max, Int64.min, Int64.max), (Int64.min, Int64.max, 0), (10, 3, 7)] as [(Int64, Int64, Int64)]
    )
    func remainingFromTotalAndUsedSaturates(total: Int64, used: Int64, remaining: Int64) {
        let reading = ReadingInfo(
            observedAt: "2026-11-27T10:00:00+01:00",
            usedBytes: used,
            totalBytes: total,
            status: "active",
            source: "test"
        )
        #expect(ReadingText.remaining(reading) == remaining)
    }

    @Test(arguments: [Int64.max, Int64.max / 2, Int64.max / 4 + 1])
    func scalesNearInt64MaxDoNotOverflow(maximum: Int64) {
        let scale = ByteScale(maximum: maximum, maxIntervals: 5)
        #expect(scale.top >= Int64.max / 4)
        #expect(scale.ticks.first == 0 && scale.ticks.last == scale.top)
    }

    @Test func hugeWidthsAndFiguresDrawABoundedChart() {
        let start = friday.addingTimeInterval(-86_400)
        let samples = [
            HistoryChart.Sample(at: start, bytes: Int64.max), HistoryChart.Sample(at: start + 3600, bytes: Int64.min),
            HistoryChart.Sample(at: friday, bytes: 0),
        ]
        for style in [HistoryChart.Style.line, .bars] {
            let chart = HistoryChart(
                samples: samples,
                start: start,
                end: friday,
                time: parisTime,
                width: .max,
                style: style
            )
            let lines = chart.render()
            #expect(!lines.isEmpty)
            #expect(lines.allSatisfy { $0.count <= HistoryChart.maximumWidth })
        }
        #expect(HistoryView.suggestedPoints(width: .max, style: .line) == 2 * (HistoryChart.maximumWidth - 9))
    }
}
