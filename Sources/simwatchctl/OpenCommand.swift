import ArgumentParser
import Glibc
import SimwatchControl
import SimwatchCtlKit

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a line's renewal page in the desktop's browser.",
        discussion: """
            Opens the page of [line.renew] url (else the app's link) with xdg-open, which follows the desktop's \
            choice of browser ($BROWSER included). --print writes the address instead, for a terminal without a \
            desktop or for scripts.

            Examples:
              simwatchctl open fr-holiday
              simwatchctl open fr-holiday --print
            """
    )

    @Argument(help: ArgumentHelp("The line's id, as in `simwatchctl lines`.", valueName: "line"))
    var line: String

    @Flag(name: .long, help: "Print the address instead of opening it.")
    var print = false

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let session = try options.connect()
        let (reply, raw) = try session.call(GetLine.self, LineParameters(line: line))
        guard let page = reply.line.renew?.openURL else {
            throw CtlFailure(
                "line `\(line)` has no renewal page; add url = \"https://...\" to its [line.renew] in the configuration"
            )
        }
        if options.json {
            Swift.print(raw["line"]?["renew"] ?? .null)
        } else if print {
            Swift.print(page)
        } else {
            try Self.open(page)
            Swift.print("Opened \(page)")
        }
    }

    /// Runs `xdg-open URL` and waits up to ten seconds for it (it hands the page to the browser and exits).
    static func open(_ page: String) throws(CtlFailure) {
        let arguments = ["xdg-open", page]
        var pid: pid_t = 0
        let status = withCStrings(arguments) { argv in posix_spawnp(&pid, "xdg-open", nil, nil, argv, environ) }
        guard status == 0 else {
            let reason = status == ENOENT ? "xdg-open is not installed" : String(cString: strerror(status))
            throw CtlFailure("cannot open the page (\(reason)); it is \(page)")
        }
        var waited = 0
        var exit: Int32 = 0
        while waitpid(pid, &exit, WNOHANG) == 0 {
            guard waited < 100 else { return }  // still running: the browser has it, or will
            usleep(100_000)
            waited += 1
        }
        let code = (exit & 0x7f) == 0 ? (exit >> 8) & 0xff : 128 + (exit & 0x7f)
        guard code == 0 else {
            throw CtlFailure("xdg-open could not open the page (exit status \(code)); it is \(page)")
        }
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers = strings.map { strdup($0) }
        defer { for pointer in pointers { free(pointer) } }
        pointers.append(nil)
        return body(pointers)
    }
}
