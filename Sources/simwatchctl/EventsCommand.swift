import ArgumentParser
import FoundationEssentials
import SimwatchControl
import SimwatchCtlKit

struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Print what simwatchd does as it happens: readings, failed polls, alerts, deliveries, renewals.",
        discussion: """
            simwatchd sends events from the moment you ask, not before (`simwatchctl show LINE` has the alert \
            history, the journal has the rest). With --follow, events are printed until Ctrl-C or until the \
            daemon stops. Without it, they are printed until none has come for --wait seconds (default 1), which \
            suits a script that has just triggered something.

            One line per event: local time, kind, line/rule, event, summary. With --json, one JSON object per \
            line, flushed as it comes.

            Examples:
              simwatchctl events --follow
              simwatchctl events --follow --line fr-holiday --json | jq -c 'select(.event.kind == "alert")'
              simwatchctl poll fr-holiday >/dev/null & simwatchctl events --wait 5
            """
    )

    @Flag(name: [.short, .long], help: "Keep printing until interrupted.")
    var follow = false

    @Option(name: .long, help: ArgumentHelp("Only this line's events.", valueName: "line"))
    var line: String?

    @Option(name: .long, help: ArgumentHelp("Without --follow: stop after this many quiet seconds.", valueName: "s"))
    var wait = 1.0

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        guard wait > 0, wait <= 86_400 else { throw ValidationError("--wait must be more than 0 and at most 86400") }
    }

    func run() throws {
        let session = try options.connect()
        var context = options.viewContext()
        try session.events(OptionalLineParameters(line: line), idle: follow ? nil : wait) { event, raw in
            if options.json {
                print(raw)
            } else {
                context.time.now = Date()
                print(EventView.line(event, context: context))
            }
            Terminal.flush()
            return true
        }
    }
}
