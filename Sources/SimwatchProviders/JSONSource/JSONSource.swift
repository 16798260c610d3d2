import SimwatchConfig
import SimwatchCore

/// `type = "json"`: any HTTP API that answers JSON, its fields found by JSON pointers.
enum JSONSource: ProviderSource {
    /// The fields a JSON pointer may be given for.
    private static let fieldKeys = [
        "remaining", "used", "total", "expires", "status", "unlimited", "updated_at", "credit",
    ]

    static func decode(_ table: TableReader, line: ProviderDecoder.LineContext) -> JSONSourceSettings? {
        let url = table.required("url", hint: "e.g. url = \"https://api.example.net/v1/sims/{iccid}/balance\"")
        if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            table.error("url", "`url` must start with https:// (or http://)")
        }
        let method = table.choice("method", ["GET", "POST"]) ?? "GET"
        var pointers: [String: String] = [:]
        for key in fieldKeys {
            guard let pointer = table.string(key) else { continue }
            if !JSONNode.isValidPointer(pointer) {
                table.error(key, "`\(key)` must be a JSON pointer", hint: "e.g. \"/data/remaining\" (RFC 6901)")
            }
            pointers[key] = pointer
        }
        if pointers.isEmpty {
            table.error(
                nil,
                "give at least one JSON pointer: \(fieldKeys.joined(separator: ", "))",
                hint: "e.g. remaining = \"/data/remaining\""
            )
        }
        let fields = JSONSourceSettings.Fields(
            remaining: pointers["remaining"],
            used: pointers["used"],
            total: pointers["total"],
            expires: pointers["expires"],
            status: pointers["status"],
            unlimited: pointers["unlimited"],
            updatedAt: pointers["updated_at"],
            credit: pointers["credit"]
        )
        var unitBytes = 1.0
        if let unit = table.string("unit") {
            if let one = table.parsedText("1 " + unit, key: "unit", ByteCount.init(parsing:)) {
                unitBytes = Double(one.bytes)
            }
        }
        let authType = table.choice("auth", ["none", "bearer", "basic", "header"]) ?? "none"
        let secret = table.secret(required: authType != "none", what: "API secret")
        var auth = JSONSourceSettings.Auth.none
        switch authType {
        case "bearer":
            if let secret { auth = .bearer(secret) }
        case "basic":
            let user = table.required("username", hint: "the user name for basic auth")
            if let user, let secret { auth = .basic(username: user, secret: secret) }
        case "header":
            let name = table.required("auth_header", hint: "e.g. auth_header = \"X-API-Key\"")
            if let name, let secret { auth = .header(name: name, secret: secret) }
        default:
            if secret != nil { table.error("auth", "a secret is set but `auth` is \"none\"", hint: "set auth") }
        }
        var statusMap: [String: Reading.Status] = [:]
        for (text, status) in table.stringTable("status_map") ?? [:] {
            guard let mapped = Reading.Status(rawValue: status) else {
                let known = Reading.Status.allCases.map(\.rawValue).joined(separator: ", ")
                table.error("status_map", "`\(status)` is not a status", hint: "one of: \(known)")
                continue
            }
            statusMap[text.lowercased()] = mapped
        }
        var settings = JSONSourceSettings(url: url ?? "", fields: fields)
        settings.method = method
        settings.headers = table.stringTable("headers") ?? [:]
        settings.body = table.string("body")
        settings.auth = auth
        settings.iccid = table.iccid(required: false)
        settings.unitBytes = unitBytes
        if let raw = table.choice("date_format", JSONSourceSettings.DateFormat.allCases.map(\.rawValue)),
            let format = JSONSourceSettings.DateFormat(rawValue: raw)
        {
            settings.dateFormat = format
        }
        settings.timeZone = table.zone("time_zone", default: .utc)
        settings.statusMap = statusMap
        settings.currency = table.string("currency")
        settings.timeout = table.timeout(default: TimeSpan(seconds: 30))
        if url?.contains("{iccid}") == true, settings.iccid == nil {
            table.error("url", "`url` uses {iccid} but `iccid` is not set")
        }
        table.finish(
            allowing: [
                "type", "url", "method", "headers", "body", "auth", "username", "auth_header", "secret_file",
                "credential", "iccid", "unit", "date_format", "time_zone", "status_map", "currency", "timeout",
            ] + fieldKeys
        )
        guard url != nil, !pointers.isEmpty else { return nil }
        return settings
    }

    static func makeProvider(_ settings: JSONSourceSettings, context: ProviderContext) -> any UsageProvider {
        JSONSourceProvider(settings: settings, http: context.http)
    }
}
