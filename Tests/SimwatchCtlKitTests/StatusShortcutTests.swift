import SimwatchCtlKit
import Testing

@Suite("StatusShortcut")
struct StatusShortcutTests {
    @Test("plain status, and each option, in any order")
    func acceptsPlainForms() {
        #expect(StatusShortcut.options(for: ["status"]) == CommonOptions())
        #expect(StatusShortcut.options(for: ["status", "--json"]) == CommonOptions(json: true))
        #expect(StatusShortcut.options(for: ["status", "--no-color"]) == CommonOptions(noColor: true))
        #expect(
            StatusShortcut.options(for: ["status", "--socket", "/run/x.sock"]) == CommonOptions(socket: "/run/x.sock")
        )
        #expect(
            StatusShortcut.options(for: ["status", "--socket=/run/a=b.sock"]) == CommonOptions(socket: "/run/a=b.sock")
        )
        #expect(
            StatusShortcut.options(for: ["status", "--no-color", "--socket", "s", "--json"])
                == CommonOptions(socket: "s", json: true, noColor: true)
        )
    }

    @Test(
        "anything the parser might read differently, or must answer itself, is left to it",
        arguments: [
            [], ["lines"], ["--json", "status"], ["status", "--help"], ["status", "-h"], ["status", "--version"],
            ["status", "--json", "--json"], ["status", "--no-color", "--no-color"],
            ["status", "--socket", "a", "--socket", "b"], ["status", "--socket=a", "--socket", "b"],
            ["status", "--socket"], ["status", "--socket", ""], ["status", "--socket="],
            ["status", "--socket", "--json"],
            ["status", "--socket", "-"], ["status", "--socket=-x"], ["status", "--json=true"], ["status", "--"],
            ["status", "extra"], ["status", "--bogus"], ["STATUS"], ["status", "--sock", "x"],
            ["status", "--generate-completion-script", "bash"],
        ]
    )
    func declines(_ arguments: [String]) {
        #expect(StatusShortcut.options(for: arguments) == nil)
    }
}
