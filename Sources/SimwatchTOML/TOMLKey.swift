/// One part of a dotted key (`a`, `"b.c"`, `'d'`) and where it was written.
struct TOMLKey {
    var name: String
    var position: TOMLPosition

    /// A dotted key for messages: bare parts as written, the others quoted.
    static func path(_ keys: some Collection<TOMLKey>) -> String { path([], keys) }

    /// `keys` under the table at `prefix` (a node's path), as a dotted key for messages.
    static func path(_ prefix: [String], _ keys: some Collection<TOMLKey>) -> String {
        (prefix + keys.map(\.name)).map { name in
            !name.isEmpty && name.utf8.allSatisfy(\.isBareKey) ? name : quoted(name)
        }
        .joined(separator: ".")
    }

    private static func quoted(_ name: String) -> String {
        var out = "\""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\u" + hex(scalar.value, width: 4)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
