public import FoundationEssentials
public import SimwatchCore

/// The JSON reading a user script prints on stdout (docs/providers.md, "exec"):
///
/// ```json
/// {"remaining": "1.2 GB", "total": 5000000000, "expires_at": "2026-12-15T00:00:00+01:00",
///  "status": "active", "credit": "4.52 EUR", "updated_at": "2026-11-27T10:00:00+01:00"}
/// ```
///
/// Amounts are a number of bytes or a string with a unit; dates are ISO 8601 (zone-less ones are read in the
/// given zone, UTC for scripts); every key is optional but at least one figure or a status must be there. `{"error": "..."}`
/// reports a failed read in the script's own words.
public struct ScriptReading: Sendable, Hashable {
    public static let keys = ["remaining", "used", "total", "expires_at", "status", "credit", "updated_at", "error"]

    public var remaining: ByteCount?
    public var used: ByteCount?
    public var total: ByteCount?
    public var expiresAt: Date?
    public var status: Reading.Status?
    public var credit: Money?
    public var updatedAt: Date?
    /// The script's own failure message.
    public var error: String?

    public init() {}

    /// Parses the script's stdout.
    public init(parsing bytes: [UInt8], zone: ZoneInfo) throws(JSONNodeError) {
        let root = try JSONNode(parsing: bytes)
        guard case .object(let members) = root else {
            throw JSONNodeError(message: "the output must be a JSON object, as in docs/providers.md")
        }
        let unknown = members.keys.filter { !Self.keys.contains($0) }.sorted()
        if !unknown.isEmpty {
            throw JSONNodeError(
                message:
                    "unknown key(s) \(unknown.joined(separator: ", ")); known: \(Self.keys.joined(separator: ", "))"
            )
        }
        if let message = members["error"] {
            error = message.stringValue ?? "the script reported an error"
            return
        }
        remaining = try Self.amount(members["remaining"], key: "remaining")
        used = try Self.amount(members["used"], key: "used")
        total = try Self.amount(members["total"], key: "total")
        expiresAt = try Self.date(members["expires_at"], key: "expires_at", zone: zone)
        updatedAt = try Self.date(members["updated_at"], key: "updated_at", zone: zone)
        if let value = members["status"], !value.isNull {
            guard let text = value.stringValue, let parsed = Reading.Status(rawValue: text.lowercased()) else {
                let known = Reading.Status.allCases.map(\.rawValue).joined(separator: ", ")
                throw JSONNodeError(message: "`status` must be one of \(known)")
            }
            status = parsed
        }
        if let value = members["credit"], !value.isNull {
            guard let text = value.stringValue else {
                throw JSONNodeError(message: "`credit` must be a string such as \"4.52 EUR\"")
            }
            do {
                credit = try Money(parsing: text)
            } catch {
                throw JSONNodeError(message: "`credit`: \(error.message)")
            }
        }
        guard remaining != nil || used != nil || total != nil || expiresAt != nil || status != nil || credit != nil
        else {
            throw JSONNodeError(message: "the output has no figure: give remaining, used, total, expires_at or status")
        }
    }

    /// A number of bytes or a string with a unit; nil for null or absent.
    public static func amount(_ node: JSONNode?, key: String, unitBytes: Double = 1) throws(JSONNodeError) -> ByteCount?
    {
        guard let node, !node.isNull else { return nil }
        switch node {
        case .number(let value):
            // Checked: "unlimited" markers (9223372036854775807), 1e19 or -1 are a malformed read, not a trap.
            do {
                return try Plausible.bytes(value, unit: unitBytes, what: "`\(key)`")
            } catch {
                throw JSONNodeError(message: error.message)
            }
        case .string(let text):
            if let value = Double(DecimalLiteral.trimmed(text)) {
                return try amount(.number(value), key: key, unitBytes: unitBytes)
            }
            do {
                return try ByteCount(parsing: text)
            } catch {
                throw JSONNodeError(message: "`\(key)`: \(error.message)")
            }
        default:
            throw JSONNodeError(message: "`\(key)` must be a number of bytes or a string such as \"1.2 GB\"")
        }
    }

    static func date(_ node: JSONNode?, key: String, zone: ZoneInfo) throws(JSONNodeError) -> Date? {
        guard let node, !node.isNull else { return nil }
        guard let text = node.stringValue else {
            throw JSONNodeError(message: "`\(key)` must be an ISO 8601 date string")
        }
        do {
            return try Plausible.date(Date(parsing: text, zone: zone), what: "`\(key)`")
        } catch {
            throw JSONNodeError(message: "`\(key)`: \(error.message)")
        }
    }
}
