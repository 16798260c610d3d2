import ArgumentParser
import FoundationEssentials
import SimwatchControl
import SimwatchCtlKit
import SimwatchModel

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "A chart of a line's data left over time.",
        discussion: """
            Draws data left as a Braille line (or --style bars, block characters that any font has), with the \
            amounts on the y axis and local dates on the x axis, as wide as the terminal (72 columns in a pipe \
            unless COLUMNS is set). The daemon keeps raw readings for a while and hourly and daily figures after \
            that; it thins them to about one point per column.

            --since takes a duration back from now (7d, 12h) or a time; --until takes a time. Times: \
            "2026-12-01 09:00", RFC 3339, "yesterday", "monday" (for --since: the last one, from midnight).

            Examples:
              simwatchctl history fr-holiday
              simwatchctl history fr-holiday --since 30d --style bars
              simwatchctl history fr-holiday --since 2026-11-01 --until 2026-11-15
              simwatchctl history fr-holiday --json | jq '.points | length'
            """
    )

    @Argument(help: ArgumentHelp("The line's id.", valueName: "line"))
    var line: String

    @Option(name: .long, help: ArgumentHelp("Start: a duration back from now, or a time.", valueName: "when"))
    var since = "7d"

    @Option(name: .long, help: ArgumentHelp("End (default: now).", valueName: "time"))
    var until: String?

    @Option(name: .long, help: ArgumentHelp("Points to ask for (default: one per column).", valueName: "n"))
    var points: Int?

    @Option(name: .long, help: ArgumentHelp("line (Braille dots) or bars (block characters).", valueName: "style"))
    var style: ChartStyle = .line

    @Option(name: .long, help: ArgumentHelp("Rows of the chart at most.", valueName: "n"))
    var height = 13

    @Option(name: .long, help: ArgumentHelp("Columns (default: the terminal's, 72 in a pipe).", valueName: "n"))
    var width: Int?

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if let points, points < 1 { throw ValidationError("--points must be at least 1") }
        guard (3...200).contains(height) else { throw ValidationError("--height must be between 3 and 200") }
        if let width, !(20...HistoryChart.maximumWidth).contains(width) {
            throw ValidationError("--width must be between 20 and \(HistoryChart.maximumWidth)")
        }
    }

    func run() throws {
        // Check the arguments on the local clock first, so a typo never reaches the daemon.
        _ = try range(in: options.viewContext())
        let session = try options.connect()
        var context = options.viewContext(session: session)
        let time = context.time
        let (start, end) = try range(in: context)
        context.width = width ?? Terminal.width ?? 72
        let parameters = GetHistory.Parameters(
            line: line,
            since: start.iso8601(in: time.zone),
            until: end.iso8601(in: time.zone),
            maxPoints: points ?? HistoryView.suggestedPoints(width: context.width, style: style.kit)
        )
        let (reply, raw) = try session.call(GetHistory.self, parameters)
        if options.json {
            print(raw)
            return
        }
        // The plan's size tops the y axis, so a nearly used-up plan looks it.
        let quota = (try? session.call(GetLine.self, LineParameters(line: line)).0.line.summary).flatMap {
            ReadingText.total($0.reading, plan: $0.plan)
        }
        let lines = HistoryView.render(
            reply.points,
            line: line,
            start: start,
            end: end,
            quota: quota,
            chartStyle: style.kit,
            height: height,
            context: context
        )
        Terminal.print(lines)
    }

    /// `--since` and `--until` on `context`'s clock (the daemon's, which runs faster under the demo's time_scale).
    private func range(in context: ViewContext) throws(CtlFailure) -> (Date, Date) {
        let time = context.time
        let end: Date
        let start: Date
        do {
            end =
                try until.map { text throws(UnitParseError) in
                    try TimeArgument.parse(text, now: time.now, zone: time.zone)
                }
                ?? time.now
        } catch {
            throw CtlFailure.badValue("--until", error)
        }
        do {
            start = try TimeArgument.parsePast(since, now: time.now, zone: time.zone)
        } catch {
            throw CtlFailure.badValue("--since", error)
        }
        guard start < end else { throw CtlFailure("--since must be before --until") }
        return (start, end)
    }
}

/// `--style` values.
enum ChartStyle: String, ExpressibleByArgument, CaseIterable {
    case line
    case bars

    var kit: HistoryChart.Style { self == .line ? .line : .bars }
}
