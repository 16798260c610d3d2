import ArgumentParser
import SimwatchControl
import SimwatchCtlKit

struct LinesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lines",
        abstract: "Every line: data left, expiry, state and last poll.",
        discussion: """
            STATE is "ok", the ids of the rules firing (coloured by severity), "error" when the last poll failed, \
            or "stale" when no reading succeeded for three poll intervals.

            The daemon answers a page of lines at a time. Without --limit or --after (or with --all) every page \
            is read in turn and printed as it comes (with --json, one reply object per page); with either, one \
            page, and the last line printed says which id to pass as --after for the next.

            Examples:
              simwatchctl lines
              simwatchctl lines --limit 100 --after line-00100
              simwatchctl lines --all --limit 200
              simwatchctl lines --json | jq -r '.lines[] | "\\(.id) \\(.reading.remaining_bytes)"'
            """
    )

    @OptionGroup var options: GlobalOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "At most this many lines (1...\(ListLines.maxLimit); one page, default \(ListLines.defaultLimit)).",
            valueName: "count"
        )
    )
    var limit: Int?

    @Option(name: .long, help: ArgumentHelp("Start after this line id (one page).", valueName: "id"))
    var after: String?

    @Flag(name: .long, help: "Every page in turn, of --limit lines each (what no --limit and no --after do).")
    var all = false

    func run() throws {
        let session = try options.connect()
        // Severities colour the firing rules; without them (an older daemon, an error) they show as warnings.
        var severities: [String: String] = [:]
        if !options.json {
            let firing = (try? session.call(GetStatus.self).0.firing) ?? []
            severities = Dictionary(
                firing.map { ("\($0.line)/\($0.rule)", $0.severity) },
                uniquingKeysWith: { first, _ in first }
            )
        }
        let onePage = !all && (limit != nil || after != nil)
        var cursor = after
        var first = true
        repeat {
            let (reply, raw) = try session.call(ListLines.self, ListLines.Parameters(limit: limit, after: cursor))
            if options.json {
                print(raw)
            } else if reply.lines.isEmpty, let cursor {
                Terminal.print(["No lines after \(cursor)."])
            } else {
                var rendered = LinesView.render(
                    reply.lines,
                    severities: severities,
                    context: options.viewContext(daemonNow: reply.now)
                )
                // Later pages continue the first page's table.
                if !first, !reply.lines.isEmpty { rendered.removeFirst() }
                Terminal.print(rendered)
                if onePage, let next = reply.nextAfter {
                    Terminal.print(["More lines follow: simwatchctl lines --after \(next)"])
                }
            }
            first = false
            cursor = reply.nextAfter
        } while !onePage && cursor != nil
    }
}
