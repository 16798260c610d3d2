import ArgumentParser
import SimwatchControl
import SimwatchCtlKit

struct ReloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload",
        abstract: "Reload the configuration file.",
        discussion: """
            Prints how many lines the new configuration has. A file with mistakes is refused: each problem is \
            printed (with its line in the file), simwatchd keeps running the previous configuration, and the exit \
            status is 1. Same as `systemctl --user reload simwatch`, but tells you what went wrong.

            Examples:
              simwatchctl reload
              simwatchctl check-config && simwatchctl reload
            """
    )

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let session = try options.connect()
        let (reply, raw) = try session.call(Reload.self)
        options.printReply(raw) { ActionView.reload(reply) }
    }
}
