import FoundationEssentials
import Glibc

/// pystache (PyPI), an independent Mustache implementation, run through `python3 -c` over a batch of templates.
/// scripts/bootstrap.sh installs it for the unit tests.
enum Pystache {
    /// Told plainly when the differential test is skipped.
    static let missing = "python3 with pystache is missing: run scripts/bootstrap.sh unit (or pip install pystache)"

    static var available: Bool { system("python3 -c 'import pystache' >/dev/null 2>&1") == 0 }

    // Same HTML escaping as the specification (pystache's default also escapes `'`). No single quote inside.
    private static let script = """
        import json, sys, pystache
        def escape(s):
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(chr(34), "&quot;")
        renderer = pystache.Renderer(escape=escape, missing_tags="ignore")
        cases = json.load(open(sys.argv[1], encoding="utf-8"))
        out = [renderer.render(c["template"], c["data"]) for c in cases]
        json.dump(out, open(sys.argv[2], "w", encoding="utf-8"))
        """

    struct Case: Encodable, Sendable {
        var template: String
        var data: JSONValue
    }

    /// pystache's output for each case, in order.
    static func render(_ cases: [Case]) throws -> [String] {
        var directory = Array("/tmp/simwatch-pystache-XXXXXX".utf8CString)
        guard let made = mkdtemp(&directory) else { throw Failure("mkdtemp failed") }
        let path = String(cString: made)
        defer { _ = system("rm -rf '\(path)'") }
        let input = URL(fileURLWithPath: path + "/in.json")
        let output = URL(fileURLWithPath: path + "/out.json")
        try JSONEncoder().encode(cases).write(to: input)
        let status = system("python3 -c '\(script)' '\(input.path)' '\(output.path)'")
        guard status == 0 else { throw Failure("python3 with pystache exited with status \(status)") }
        return try JSONDecoder().decode([String].self, from: Data(contentsOf: output))
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
