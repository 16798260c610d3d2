import ArgumentParser
import SimwatchControl
import SimwatchCtlKit
import SimwatchModel

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "simwatchctl's version, and simwatchd's when it is running.",
        discussion: """
            Exits 0 whether or not simwatchd answers. With --json: {"simwatchctl": "0.1.0", "simwatchd": \
            <org.varlink.service.GetInfo reply, or null>}.

            Examples:
              simwatchctl version
            """
    )

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let socket = options.socketPath
        var info: JSONValue?
        var problem: String?
        do {
            let session = try GlobalOptions.quiet(options).connect(timeout: 5)
            info = try session.callRaw("org.varlink.service.GetInfo")
        } catch {
            problem = error.status == .notRunning ? "not running" : TerminalText.escapedLines(error.message)
        }
        if options.json {
            print(JSONValue.object(["simwatchctl": .string(SimwatchVersion.current), "simwatchd": info ?? .null]))
        } else {
            let daemon = info?["version"]?.stringValue.map { TerminalText.escaped($0) }
            Terminal.print(ActionView.version(daemon: daemon, socket: socket, problem: problem))
        }
    }
}

extension GlobalOptions {
    /// The same options without --json, so an error reply is not printed as JSON before the version object.
    static func quiet(_ options: GlobalOptions) -> GlobalOptions {
        var copy = options
        copy.json = false
        return copy
    }
}
