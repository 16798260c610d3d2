import ArgumentParser
import Glibc
import SimwatchCtlKit
import SimwatchModel

@main
struct SimwatchCtl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simwatchctl",
        abstract: "Ask simwatchd about your SIM and eSIM plans, and tell it about top-ups and snoozes.",
        discussion: """
            Talks to simwatchd over its control socket (Varlink, io.simwatch.Control). Every command takes \
            --socket PATH (or SIMWATCH_SOCKET), --json and --no-color.

            Exit status, for every command:
              0  done; nothing needs attention
              1  done; something needs attention (each command's help says what)
              2  usage error, error reply, or broken connection
              3  simwatchd is not running

            Examples:
              simwatchctl status
              simwatchctl lines
              simwatchctl history fr-holiday --since 3d
              simwatchctl snooze fr-holiday low-data --until monday
              simwatchctl renew fr-holiday --data 20GB --valid 30d
            """,
        version: SimwatchVersion.current,
        subcommands: [
            StatusCommand.self, LinesCommand.self, ShowCommand.self, HistoryCommand.self, PollCommand.self,
            ReloadCommand.self, SnoozeCommand.self, UnsnoozeCommand.self, RecordCommand.self, RenewCommand.self,
            RenewalsCommand.self, SpendCommand.self, OffersCommand.self, OpenCommand.self, TestNotifyCommand.self,
            OutboxCommand.self, EventsCommand.self,
            CheckConfigCommand.self,
            VersionCommand.self,
        ]
    )

    /// Parses, runs, and maps every way out to the documented exit statuses (usage errors are 2, not 64).
    static func main() {
        // The plain forms of `status` (shell prompts, monitoring checks) skip the argument parser's start-up cost;
        // everything else, help and usage errors included, goes through it.
        if let options = StatusShortcut.options(for: argumentsAfterTheName()) {
            do {
                Glibc.exit(try StatusCommand.run(options).rawValue)
            } catch {
                fail(error)
            }
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CtlFailure {
            fail(failure)
        } catch {
            if exitCode(for: error) == .validationFailure {
                StandardError.write(fullMessage(for: error) + "\n")
                Glibc.exit(ExitStatus.error.rawValue)
            }
            exit(withError: error)
        }
    }

    /// The arguments, read from `argv` here rather than through `CommandLine.arguments`, whose first use (the
    /// standard library's own array of strings) cost a tenth of a `status` call.
    static func argumentsAfterTheName() -> [String] {
        var arguments: [String] = []
        arguments.reserveCapacity(Int(CommandLine.argc))
        for index in 1..<max(1, Int(CommandLine.argc)) {
            if let argument = CommandLine.unsafeArgv[index] { arguments.append(String(cString: argument)) }
        }
        return arguments
    }

    /// Prints `failure` and exits with its status. Messages quote the daemon's replies and errors: nothing in
    /// them may reach the terminal raw.
    static func fail(_ failure: CtlFailure) -> Never {
        StandardError.write(TerminalText.escapedLines(failure.message) + "\n")
        Glibc.exit(failure.status.rawValue)
    }
}

extension ParsableCommand {
    /// Ends the command with `status` (nothing to do for 0).
    func finish(_ status: ExitStatus) throws {
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}
