import Glibc

/// Python's `tomllib` (standard library since 3.11), an independent TOML 1.0 parser, run over a batch of documents
/// through `python3 -c`. Each document comes back as "OK <tagged JSON>" (rendered like `TaggedJSON`) or "ERR".
/// Integers outside 64 bits are reported as errors: tomllib has no bound, TOML 1.0 says such a document must be
/// refused by a parser that cannot hold them losslessly.
enum PythonTOML {
    static let missing =
        "the differential test needs python3 >= 3.11 with tomllib on PATH (python3 -c 'import tomllib' failed)"

    static var available: Bool { system("python3 -c 'import tomllib' >/dev/null 2>&1") == 0 }

    // No single quote inside: the script is passed in single quotes.
    private static let script = """
        import sys, tomllib, json, struct, datetime, math
        def tag(v):
            if isinstance(v, bool):
                return {"type": "bool", "value": "true" if v else "false"}
            if isinstance(v, int):
                if not -2**63 <= v < 2**63:
                    raise OverflowError("integer out of 64 bits")
                return {"type": "integer", "value": str(v)}
            if isinstance(v, float):
                return {"type": "float", "value": "nan" if math.isnan(v) else struct.pack(">d", v).hex()}
            if isinstance(v, str):
                return {"type": "string", "value": v}
            if isinstance(v, datetime.datetime):
                base = "%04d-%02d-%02dT%02d:%02d:%02d.%06d" % (v.year, v.month, v.day, v.hour, v.minute, v.second, v.microsecond)
                if v.tzinfo is None:
                    return {"type": "datetime-local", "value": base}
                return {"type": "datetime", "value": base + "%+d" % (int(v.utcoffset().total_seconds()) // 60)}
            if isinstance(v, datetime.date):
                return {"type": "date-local", "value": "%04d-%02d-%02d" % (v.year, v.month, v.day)}
            if isinstance(v, datetime.time):
                return {"type": "time-local", "value": "%02d:%02d:%02d.%06d" % (v.hour, v.minute, v.second, v.microsecond)}
            if isinstance(v, list):
                return [tag(x) for x in v]
            return {k: tag(x) for k, x in v.items()}
        data = open(sys.argv[1], "rb").read()
        out = open(sys.argv[2], "w", encoding="ascii")
        pos = 0
        while pos < len(data):
            nl = data.index(b"\\n", pos)
            n = int(data[pos:nl])
            doc = data[nl + 1:nl + 1 + n]
            pos = nl + 1 + n
            try:
                value = tag(tomllib.loads(doc.decode("utf-8")))
                out.write("OK " + json.dumps(value, sort_keys=True, ensure_ascii=True, separators=(",", ":")) + "\\n")
            except (tomllib.TOMLDecodeError, UnicodeDecodeError, OverflowError):
                out.write("ERR\\n")
            except Exception as e:
                out.write("CRASH " + type(e).__name__ + "\\n")
        out.close()
        """

    /// tomllib's verdict on each document, in order.
    static func parse(_ documents: [[UInt8]]) throws(Failure) -> [String] {
        var template = Array("/tmp/simwatch-tomllib-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Failure("mkdtemp failed") }
        let directory = String(cString: made)
        defer { _ = system("rm -rf '\(directory)'") }
        var input: [UInt8] = []
        for document in documents {
            input.append(contentsOf: Array("\(document.count)\n".utf8))
            input.append(contentsOf: document)
        }
        try write(input, to: directory + "/in")
        let status = system("python3 -c '\(script)' '\(directory)/in' '\(directory)/out'")
        guard status == 0 else { throw Failure("python3 exited with status \(status)") }
        let output = try read(directory + "/out")
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.dropLast().map(String.init)
    }

    private static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        guard let file = fopen(path, "wb") else { throw Failure("cannot write \(path)") }
        defer { fclose(file) }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == bytes.count else { throw Failure("short write to \(path)") }
    }

    private static func read(_ path: String) throws(Failure) -> [UInt8] {
        guard let file = fopen(path, "rb") else { throw Failure("cannot read \(path)") }
        defer { fclose(file) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 { break }
            out.append(contentsOf: chunk[0..<count])
        }
        return out
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
