public import FoundationEssentials

extension ZoneInfo {
    /// Where Debian, Ubuntu, Fedora and Arch install the tz database.
    public static let defaultRoot = "/usr/share/zoneinfo"

    /// Loads the zone `identifier` ("Europe/Paris") from the TZif file of that name under `root`.
    ///
    /// Names must stay inside `root`: absolute paths and "." or ".." components are rejected. "UTC" and
    /// "Etc/UTC" work even where no zone files are installed.
    public init(identifier: String, root: String = ZoneInfo.defaultRoot) throws(UnitParseError) {
        let hint = "use an IANA time zone name such as Europe/Paris or America/New_York (see \(root))"
        guard Self.isSafeIdentifier(identifier) else {
            throw UnitParseError(input: identifier, message: "'\(identifier)' is not a time zone name", hint: hint)
        }
        guard let data = ZoneFile.contents(atPath: root + "/" + identifier) else {
            if identifier == "UTC" || identifier == "Etc/UTC" {
                self.init(identifier: identifier, fixed: ZoneOffset(seconds: 0, abbreviation: "UTC"))
                return
            }
            throw UnitParseError(
                input: identifier,
                message: "unknown time zone '\(identifier)'",
                hint: Self.suggestion(for: identifier, root: root) ?? hint
            )
        }
        try self.init(identifier: identifier, tzif: data)
    }

    /// The system's zone: `TZ` from `environment` (":Europe/Paris", "Europe/Paris", a path under the zoneinfo
    /// directory, or a POSIX rule such as "CET-1CEST,M3.5.0,M10.5.0/3"; empty means UTC), else the zone that
    /// /etc/localtime links to, else the name in /etc/timezone, else the contents of /etc/localtime, else UTC.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> ZoneInfo {
        current(environment: environment, root: defaultRoot, localtime: "/etc/localtime", timezone: "/etc/timezone")
    }

    package static func current(
        environment: [String: String],
        root: String,
        localtime: String,
        timezone: String
    ) -> ZoneInfo {
        if let value = environment["TZ"], let zone = fromTZVariable(value, root: root) {
            return zone
        }
        if let target = ZoneFile.linkTarget(atPath: localtime),
            let name = identifier(inZoneinfoPath: target),
            let zone = try? ZoneInfo(identifier: name, root: root)
        {
            return zone
        }
        if let data = ZoneFile.contents(atPath: timezone),
            let line = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first,
            let zone = try? ZoneInfo(identifier: String(DecimalLiteral.trimmed(line)), root: root)
        {
            return zone
        }
        if let data = ZoneFile.contents(atPath: localtime),
            let zone = try? ZoneInfo(identifier: "localtime", tzif: data)
        {
            return zone
        }
        return .utc
    }

    /// The zone `TZ` names, or nil to fall back to the system settings.
    package static func fromTZVariable(_ value: String, root: String) -> ZoneInfo? {
        let name = value.hasPrefix(":") ? String(value.dropFirst()) : value
        // glibc reads an empty TZ as UTC.
        if name.isEmpty { return .utc }
        if name.hasPrefix("/") {
            if let identifier = identifier(inZoneinfoPath: name),
                let zone = try? ZoneInfo(identifier: identifier, root: root)
            {
                return zone
            }
            guard let data = ZoneFile.contents(atPath: name) else { return nil }
            return try? ZoneInfo(identifier: name, tzif: data)
        }
        if let zone = try? ZoneInfo(identifier: name, root: root) { return zone }
        if !value.hasPrefix(":"), let zone = try? ZoneInfo(identifier: value, posixRule: value) { return zone }
        return nil
    }

    /// "Europe/Paris" from "/usr/share/zoneinfo/Europe/Paris", "../usr/share/zoneinfo/posix/Europe/Paris" etc.
    package static func identifier(inZoneinfoPath path: String) -> String? {
        let components = path.split(separator: "/").map(String.init)
        guard let index = components.lastIndex(of: "zoneinfo") else { return nil }
        var rest = components[(index + 1)...]
        // posix/ holds the same zones; right/ counts leap seconds, which POSIX time (and Date) does not.
        if rest.count > 1, rest.first == "posix" || rest.first == "right" { rest = rest.dropFirst() }
        // Joined by hand (see `TimeSpan.description`): `simwatchctl status` reads the zone every time.
        var identifier = ""
        for component in rest { identifier += identifier.isEmpty ? component : "/" + component }
        return isSafeIdentifier(identifier) ? identifier : nil
    }

    package static func isSafeIdentifier(_ identifier: String) -> Bool {
        guard !identifier.isEmpty, identifier.utf8.count <= 255 else { return false }
        return identifier.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { component in
            component != "." && component != ".." && !component.isEmpty
                && component.utf8.allSatisfy { byte in
                    let letter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
                    let digit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    return letter || digit || "_-+.".utf8.contains(byte)
                }
        }
    }

    /// A hint for a name that is right but for its case ("europe/paris"), or that names a region directory.
    package static func suggestion(for identifier: String, root: String) -> String? {
        let fileManager = FileManager.default
        if let entries = try? fileManager.contentsOfDirectory(atPath: root + "/" + identifier) {
            guard let example = entries.filter({ $0.first?.isUppercase == true }).sorted().first else { return nil }
            return "'\(identifier)' is a region; name a place in it, e.g. \(identifier)/\(example)"
        }
        var path = root
        var corrected: [String] = []
        for component in identifier.split(separator: "/") {
            guard let entries = try? fileManager.contentsOfDirectory(atPath: path),
                let match = entries.first(where: { $0.lowercased() == component.lowercased() })
            else { return nil }
            corrected.append(match)
            path += "/" + match
        }
        guard fileManager.contents(atPath: path) != nil else { return nil }
        return "did you mean \(corrected.joined(separator: "/"))?"
    }
}
