import ArgumentParser
import SimwatchControl
import SimwatchCtlKit

struct PollCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poll",
        abstract: "Read one line (or every line) now, and print what each poll found.",
        discussion: """
            Waits until the polls are done. Exits 0 when every poll succeeded, 1 when any failed.

            Examples:
              simwatchctl poll
              simwatchctl poll fr-holiday
            """
    )

    @Argument(help: ArgumentHelp("The line's id (default: every line).", valueName: "line"))
    var line: String?

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for the polls.", valueName: "seconds"))
    var timeout = 120.0

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        // Checked here: "1e300", "inf" or "nan" would otherwise reach the socket timeout arithmetic.
        guard (1...86_400).contains(timeout) else { throw ValidationError("--timeout must be 1...86400 seconds") }
    }

    func run() throws {
        let session = try options.connect(timeout: timeout)
        let (reply, raw) = try session.call(Poll.self, OptionalLineParameters(line: line))
        options.printReply(raw) { ActionView.poll(reply.outcomes, context: options.viewContext()) }
        try finish(ActionView.pollStatus(reply.outcomes))
    }
}
