import SimwatchCore
internal import SimwatchTOML

/// Lines from beyond the main file: `[daemon] include` (a directory of `*.toml` fragments of `[[line]]` tables) and
/// `[[inventory]]` files (CSV or JSON Lines rows, each made into a line from its `[groups.NAME]` template). Every
/// line id is unique across all of them; a duplicate is reported naming both places.
struct LineSources {
    let configPath: String
    let environment: [String: String]
    let daemon: DaemonSettings
    let defaultRules: [Rule]
    let channels: (configured: [ChannelSettings], broken: Set<String>)
    let sources: [any ProviderDecoder.Family.Type]
    /// `[accounts.NAME]`, which lines and groups name in their provider table.
    var accounts: [String: AccountDecoder.Decoded] = [:]
    /// Where the main file's diagnostics go; those of fragments and inventories are added to it.
    let sink: DiagnosticSink
    var limits = InventoryLimits()
    /// Fragments in one include directory.
    static let maximumFragments = 10_000

    private(set) var lines: [Line] = []
    /// Where each id was defined, for duplicate reports: "config.toml:12", "fleet.csv record 5".
    private var places: [String: String] = [:]

    init(
        configPath: String,
        environment: [String: String],
        daemon: DaemonSettings,
        defaultRules: [Rule],
        channels: (configured: [ChannelSettings], broken: Set<String>),
        sources: [any ProviderDecoder.Family.Type],
        sink: DiagnosticSink
    ) {
        self.configPath = configPath
        self.environment = environment
        self.daemon = daemon
        self.defaultRules = defaultRules
        self.channels = channels
        self.sources = sources
        self.sink = sink
    }

    /// A path from the configuration: `~` expanded, relative ones taken from the configuration's directory.
    func resolve(_ path: String) -> String {
        let expanded = Config.expandHome(path, environment: environment)
        if expanded.hasPrefix("/") { return expanded }
        let directory = configPath.lastIndex(of: "/").map { String(configPath[..<$0]) } ?? "."
        return (directory.isEmpty ? "/" : directory + "/") + expanded
    }

    /// Adds a line unless its id is taken; returns the place of the line that took it.
    private mutating func add(_ line: Line, place: String) -> String? {
        if let first = places[line.id] { return first }
        places[line.id] = place
        lines.append(line)
        return nil
    }

    // MARK: [[line]] tables

    /// The `[[line]]` tables of one file (the main one, or a fragment).
    mutating func addLineTables(_ tables: [TableReader]) {
        for table in tables {
            guard
                let line = LineDecoder.decode(
                    table,
                    daemon: daemon,
                    defaultRules: defaultRules,
                    channels: channels,
                    sources: sources,
                    accounts: accounts
                )
            else { continue }
            if let first = add(line, place: ChannelDecoder.location(table, "id")) {
                table.error(
                    "id",
                    "duplicate line id `\(line.id)`, already at \(first)",
                    hint: "every line needs its own id"
                )
            }
        }
    }

    // MARK: include

    /// `[daemon] include = "DIR"`: every `*.toml` in DIR, in name order, each holding only `[[line]]` tables.
    mutating func addFragments(_ daemonTable: TableReader?) {
        guard let daemonTable, let include = daemonTable.string("include") else { return }
        let directory = resolve(include)
        let names: [String]
        do {
            names = try BoundedFile.names(in: directory, suffix: ".toml", limit: Self.maximumFragments)
        } catch {
            daemonTable.error("include", "`include` = \"\(include)\": \(error.message)", hint: error.hint)
            return
        }
        for name in names {
            let path = directory + "/" + name
            let fragmentSink = DiagnosticSink(file: path)
            defer { for item in fragmentSink.items { sink.add(item) } }
            let bytes: [UInt8]
            do {
                bytes = try BoundedFile.read(path, limit: 32 << 20)
            } catch {
                fragmentSink.add(line: nil, context: "", message: error.message, hint: error.hint)
                continue
            }
            let root: TOMLTable
            do {
                root = try TOMLTable(parsing: bytes)
            } catch {
                fragmentSink.add(
                    line: error.line,
                    context: "",
                    message: "TOML syntax error: \(error.message) (column \(error.column))",
                    hint: "check quotes, brackets and `key = value` on that line"
                )
                continue
            }
            let top = TableReader(table: root, path: "", context: "fragment", sink: fragmentSink)
            for key in root.keys where key != "line" {
                top.error(
                    key,
                    "a fragment holds only [[line]] tables, not `\(key)`",
                    hint:
                        "move it to the main configuration (\(ConfigDiagnostic(file: configPath, line: nil, context: "", message: "").location))"
                )
            }
            addLineTables(top.tables("line"))
        }
    }

    // MARK: groups and inventories

    /// `[groups.NAME]`: each group's settings decoded once. Broken groups are reported and listed in `broken`.
    func decodeGroups(_ table: TableReader?) -> (templates: [String: LineTemplate], broken: Set<String>) {
        guard let table else { return ([:], []) }
        var templates: [String: LineTemplate] = [:]
        var broken: Set<String> = []
        for name in table.table.keys {
            guard let group = table.subtable(name, context: "[groups.\(name)]") else {
                broken.insert(name)
                continue
            }
            if !RuleDecoder.isValidID(name) {
                table.error(name, "group name `\(name)` may use only a-z, 0-9, '.', '_' and '-'")
            }
            let before = sink.items.count
            let template = LineDecoder.decodeGroup(
                group,
                name: name,
                daemon: daemon,
                defaultRules: defaultRules,
                channels: channels,
                sources: sources,
                accounts: accounts
            )
            if let template, sink.items.count == before {
                templates[name] = template
            } else {
                broken.insert(name)
            }
        }
        return (templates, broken)
    }

    /// `[[inventory]]`: each file's rows, made into lines from their groups.
    mutating func addInventories(
        _ tables: [TableReader],
        groups: (templates: [String: LineTemplate], broken: Set<String>)
    ) {
        let groupNames = Array(groups.templates.keys) + groups.broken
        for table in tables {
            let file = table.required("file", hint: "e.g. file = \"fleet.csv\" (relative to this file)")
            var format = table.choice("format", InventoryFormat.allCases.map(\.rawValue)).flatMap(
                InventoryFormat.init(rawValue:)
            )
            let defaultGroup = table.string("group")
            if let defaultGroup, !groupNames.contains(defaultGroup) {
                table.error("group", "no group `\(defaultGroup)`", hint: Self.groupHint(defaultGroup, groupNames))
            }
            table.finish(allowing: ["file", "format", "group"])
            guard let file else { continue }
            if format == nil, !table.has("format") {
                format = InventoryFormat(fileName: file)
                if format == nil {
                    table.error(
                        "file",
                        "cannot tell the format of `\(file)` from its name",
                        hint: "name it .csv or .jsonl, or set format = \"csv\" or \"jsonl\""
                    )
                }
            }
            guard let format else { continue }
            let path = resolve(file)
            let bytes: [UInt8]
            do {
                bytes = try BoundedFile.read(path, limit: limits.maximumFileBytes)
            } catch {
                table.error("file", "inventory `\(file)`: \(error.message)", hint: error.hint)
                continue
            }
            var reader = InventoryReader(file: path, limits: limits)
            reader.read(bytes, format: format, defaultGroup: defaultGroup)
            let limits = self.limits
            let sink = self.sink
            var reported = reader.diagnostics.count
            var leftOut = 0
            for item in reader.diagnostics { sink.add(item) }
            func report(_ row: InventoryRow, _ column: String, _ message: String, hint: String?) {
                guard reported < limits.maximumDiagnostics else {
                    leftOut += 1
                    return
                }
                reported += 1
                let context = format == .csv ? "record \(row.record), column `\(column)`" : "key `\(column)`"
                sink.add(ConfigDiagnostic(file: path, line: row.line, context: context, message: message, hint: hint))
            }
            let name = path.split(separator: "/").last.map(String.init) ?? path
            for row in reader.rows {
                guard let groupName = row.group else {
                    report(
                        row,
                        "group",
                        "the row names no group",
                        hint: "fill its `group`, or set group = \"NAME\" on the [[inventory]]"
                    )
                    continue
                }
                guard let template = groups.templates[groupName] else {
                    // A broken group was reported where it is written.
                    if !groups.broken.contains(groupName) {
                        report(row, "group", "no group `\(groupName)`", hint: Self.groupHint(groupName, groupNames))
                    }
                    continue
                }
                let made = template.line(
                    id: row.id,
                    name: row.name,
                    iccid: row.iccid,
                    recipients: row.recipients,
                    language: row.language
                )
                switch made {
                case .success(let line):
                    let place = format == .csv ? "\(name) record \(row.record)" : "\(name):\(row.line)"
                    if let first = add(line, place: place) {
                        report(
                            row,
                            "id",
                            "duplicate line id `\(row.id)`, already at \(first)",
                            hint: "every line needs its own id"
                        )
                    }
                case .failure(.missingICCID):
                    report(
                        row,
                        "iccid",
                        "group `\(groupName)` reads each SIM by its ICCID, and this row has none",
                        hint: "fill its `iccid`"
                    )
                case .failure(.badICCID(let message)):
                    report(row, "iccid", "the provider refuses the ICCID: \(message)", hint: nil)
                case .failure(.noMailChannel):
                    report(
                        row,
                        "recipients",
                        "recipients, but group `\(groupName)` has no email channel",
                        hint: "add an email channel to the group's `channels`"
                    )
                }
            }
            if leftOut > 0 {
                sink.add(
                    ConfigDiagnostic(
                        file: path,
                        line: nil,
                        context: "",
                        message: "\(leftOut) more problem(s) not shown",
                        hint: "fix the ones above and check again"
                    )
                )
            }
        }
    }

    private static func groupHint(_ name: String, _ known: [String]) -> String {
        Suggestion.nearest(to: name, in: known).map { "did you mean `\($0)`?" }
            ?? (known.isEmpty
                ? "define it as [groups.\(name)]" : "known groups: \(known.sorted().joined(separator: ", "))")
    }
}
