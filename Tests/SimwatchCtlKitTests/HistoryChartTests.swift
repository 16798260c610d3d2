import FoundationEssentials
import SimwatchCtlKit
import SimwatchModel
import Testing

@Suite struct HistoryChartTests {
    /// A week of hourly figures: 2.5 GB used at 14 MB an hour, ten hours without figures, a renewal to 5 GB.
    static func week() -> [HistoryChart.Sample] {
        let start = friday.addingTimeInterval(-7 * 86_400)
        return (0...168).map { hour in
            let at = start.addingTimeInterval(Double(hour) * 3600)
            var bytes = 2_500_000_000 - Int64(hour) * 14_000_000
            if hour > 120 { bytes = 5_000_000_000 - Int64(hour - 120) * 30_000_000 }
            return HistoryChart.Sample(at: at, bytes: hour >= 60 && hour < 70 ? nil : max(0, bytes))
        }
    }

    static func chart(_ style: HistoryChart.Style, width: Int = 72, height: Int = 13) -> HistoryChart {
        HistoryChart(
            samples: week(),
            start: friday.addingTimeInterval(-7 * 86_400),
            end: friday,
            time: parisTime,
            width: width,
            height: height,
            style: style
        )
    }

    @Test func brailleLineOfAWeek() {
        #expect(
            Self.chart(.line).render() == [
                "5 GB ┤                                               ⡤⣄⣀",
                "     │                                               ⡇ ⠈⠉⠓⠲⠤⣄⣀⡀",
                "4 GB ┤                                               ⡇        ⠉⠙⠒⠲⠤⣄⣀",
                "     │                                               ⡇              ⠈⠉⠓⠲",
                "3 GB ┤                                               ⡇",
                "     │⠤⠤⣄⣀⣀⣀                                         ⡇",
                "2 GB ┤     ⠈⠉⠉⠉⠓⠒⠒⠲⠤⠤⠤⣄⣀⣀⣀                           ⡇",
                "     │                   ⠈⠉⠉⠉⠃   ⠠⠤⢤⣀⣀⣀⡀             ⡇",
                "1 GB ┤                                 ⠉⠉⠉⠙⠒⠒⠒⠦⠤⠤⢤⣀⣀⣀⡇",
                "     │",
                " 0 B ┤",
                "     └─────┬─────────┬────────┬────────┬─────────┬────────┬────────┬────",
                "           21 Nov    22 Nov   23 Nov   24 Nov    25 Nov   26 Nov  27 Nov",
            ]
        )
    }

    @Test func blockBarsOfAWeek() {
        #expect(
            Self.chart(.bars).render() == [
                "5 GB ┤                                               ▃▂▁",
                "     │                                               ████▆▅▄▃▁",
                "4 GB ┤                                               ██████████▇▆▅▃▂▁",
                "     │                                               █████████████████▆▅",
                "3 GB ┤                                               ███████████████████",
                "     │▄▃▂▂▁▁                                         ███████████████████",
                "2 GB ┤████████▇▆▆▅▅▄▃▃▂▂▁▁                           ███████████████████",
                "     │██████████████████████▇    ▄▄▃▃▂▁▁             ███████████████████",
                "1 GB ┤███████████████████████    █████████▇▆▆▅▅▄▄▃▂▂▁███████████████████",
                "     │███████████████████████    ███████████████████████████████████████",
                " 0 B ┤███████████████████████    ███████████████████████████████████████",
                "     └─────┬────────┬─────────┬────────┬─────────┬────────┬─────────┬───",
                "           21 Nov   22 Nov    23 Nov   24 Nov    25 Nov   26 Nov  27 Nov",
            ]
        )
    }

    @Test(arguments: [40, 72, 100, 150], [5, 9, 13, 20])
    func fillsTheWidthAndKeepsTicksEvenlySpaced(width: Int, height: Int) {
        let lines = Self.chart(.line, width: width, height: height).render()
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
        #expect(DisplayWidth.of(lines[lines.count - 2]) == width)
        let plotRows = lines.count - 2
        #expect(plotRows <= height)
        let labelled = lines.prefix(plotRows).enumerated().filter { $0.element.contains("┤") }.map(\.offset)
        #expect(labelled.first == 0 && labelled.last == plotRows - 1)
        let gaps = Set(zip(labelled, labelled.dropFirst()).map { $1 - $0 })
        #expect(gaps.count == 1)
    }

    @Test func plotIsPaintedOnlyWithColour() {
        let lines = Self.chart(.line).render(style: TerminalStyle(colour: true))
        #expect(lines[0].hasPrefix("5 GB ┤\u{1B}[36m"))
        #expect(lines[0].hasSuffix("\u{1B}[0m"))
        #expect(lines[9] == "     │")
    }

    @Test func planSizeTopsTheAxis() {
        let samples = [HistoryChart.Sample(at: friday.addingTimeInterval(-3600), bytes: 300_000_000)]
        let chart = HistoryChart(
            samples: samples,
            start: friday.addingTimeInterval(-7200),
            end: friday,
            time: parisTime,
            width: 40,
            height: 5,
            atLeast: 2_000_000_000
        )
        let lines = chart.render()
        #expect(lines[0].hasPrefix("2 GB ┤"))
        #expect(lines[4].hasPrefix(" 0 B ┤"))
        #expect(lines.last == "      08:00            09:00       10:00")
    }

    @Test func samplesOutsideTheRangeAreLeftOut() {
        let samples = [
            HistoryChart.Sample(at: friday.addingTimeInterval(-10 * 86_400), bytes: 9_000_000_000),
            HistoryChart.Sample(at: friday.addingTimeInterval(-3600), bytes: 1_000_000_000),
        ]
        let chart = HistoryChart(
            samples: samples,
            start: friday.addingTimeInterval(-86_400),
            end: friday,
            time: parisTime
        )
        #expect(chart.samples.count == 1)
        #expect(chart.render()[0].hasPrefix("  1 GB ┤"))
    }

    @Test(
        arguments: [
            (2_500_000_000, 6, 2_500_000_000, 500_000_000), (984_000_000, 5, 1_000_000_000, 200_000_000),
            (0, 5, 1, 1), (5_000_000_000, 2, 5_000_000_000, 5_000_000_000),
            (12_000_000_000, 6, 12_000_000_000, 2_000_000_000), (2_600_000_000, 5, 3_000_000_000, 1_000_000_000),
        ] as [(Int64, Int, Int64, Int64)]
    )
    func roundScales(maximum: Int64, intervals: Int, top: Int64, step: Int64) {
        let scale = ByteScale(maximum: maximum, maxIntervals: intervals)
        #expect(scale.top == top)
        #expect(scale.ticks.first == 0 && scale.ticks.last == top)
        #expect(scale.ticks.count - 1 <= intervals)
        #expect(scale.ticks.count > 1 && scale.ticks[1] == step)
    }

    @Test(
        arguments: [
            (86_400.0 * 7, 60, ["21 Nov", "22 Nov", "23 Nov", "24 Nov", "25 Nov", "26 Nov", "27 Nov"]),
            (86_400.0 * 7, 30, ["21 Nov", "23 Nov", "25 Nov", "27 Nov"]),
            (3600.0 * 12, 60, ["22:00", "27 Nov", "02:00", "04:00", "06:00", "08:00", "10:00"]),
            (86_400.0 * 60, 60, ["5 Oct", "12 Oct", "19 Oct", "26 Oct", "2 Nov", "9 Nov", "16 Nov", "23 Nov"]),
            (86_400.0 * 365, 60, ["1 Jan", "1 Apr", "1 Jul", "1 Oct"]),
        ] as [(Double, Int, [String])]
    )
    func timeTicksOnRoundLocalTimes(span: Double, columns: Int, labels: [String]) {
        let start = friday.addingTimeInterval(-span)
        let ticks = TimeTicks.make(start: start, end: friday, columns: columns, time: parisTime) { date in
            Int(date.timeIntervalSince(start) / span * Double(columns - 1))
        }
        #expect(ticks.map(\.label) == labels)
    }

    @Test func brailleDots() {
        var canvas = BrailleCanvas(columns: 2, rows: 1)
        canvas.set(x: 0, y: 0)
        canvas.set(x: 3, y: 3)
        canvas.set(x: 9, y: 9)
        #expect(canvas.lines() == ["⡀⠈"])
        #expect(canvas.isSet(x: 3, y: 3) && !canvas.isSet(x: 2, y: 3))
        var wall = BrailleCanvas(columns: 1, rows: 2)
        wall.line(from: (0, 7), to: (1, 0))
        #expect(wall.lines() == ["⢹", "⢸"])
    }
}
