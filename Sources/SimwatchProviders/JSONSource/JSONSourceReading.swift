import FoundationEssentials
public import SimwatchCore

/// A generic JSON source's answer as a reading, with the figures picked out by the configured JSON pointers
/// (`JSONSourceSettings.fields`).
///
/// Pure and here in the core, apart from the HTTP adapter, so that every number in the answer is checked
/// (`Plausible`) and tested: "remaining": 9223372036854775807 (an "unlimited" marker), 1e19, "inf", a unix date
/// of 1e19 or a numeric status of 1e19 is a malformed read or an unknown status, never a trap.
public enum JSONSourceReading {
    /// The reading the configured JSON pointers pick out of `root`.
    public static func reading(
        _ root: JSONNode,
        settings: JSONSourceSettings,
        request: ReadRequest
    ) throws(ProviderError) -> Reading {
        let fields = settings.fields
        var reading = Reading(lineID: request.line.id, observedAt: request.now, source: "json")
        let remaining = try value(root, fields.remaining)
        let used = try value(root, fields.used)
        let total = try value(root, fields.total)
        do throws(JSONNodeError) {
            reading.remaining = try ScriptReading.amount(remaining, key: "remaining", unitBytes: settings.unitBytes)
            reading.used = try ScriptReading.amount(used, key: "used", unitBytes: settings.unitBytes)
            reading.total = try ScriptReading.amount(total, key: "total", unitBytes: settings.unitBytes)
        } catch {
            throw ProviderError(.malformed, error.message)
        }
        reading.expiresAt = try date(try value(root, fields.expires), key: "expires", settings: settings)
        reading.providerUpdatedAt = try date(try value(root, fields.updatedAt), key: "updated_at", settings: settings)
        if let node = try value(root, fields.credit), !node.isNull {
            if let text = node.stringValue, Double(DecimalLiteral.trimmed(text)) == nil {
                do {
                    reading.credit = try Money(parsing: text)
                } catch {
                    throw ProviderError(.malformed, "`credit`: \(error.message)")
                }
            } else if node.numberValue != nil, let currency = settings.currency {
                do throws(JSONNodeError) {
                    reading.credit = try node.money(key: "credit", currency: currency)
                } catch {
                    throw ProviderError(.malformed, error.message)
                }
            } else {
                throw ProviderError(.malformed, "credit at \(fields.credit ?? "") is not an amount of money")
            }
        }
        if let node = try value(root, fields.status), !node.isNull {
            let text = (node.statusText ?? "").lowercased()
            reading.status = settings.statusMap[text] ?? Reading.Status(rawValue: text) ?? Self.commonStatus(text)
        }
        if try value(root, fields.unlimited)?.boolValue == true, reading.status == .active {
            reading.status = .unlimited
        }
        if reading.status == .active, let expires = reading.expiresAt, expires <= request.now {
            reading.status = .expired
        }
        return reading
    }

    /// The value at a configured pointer: nil when not configured, an error when configured but absent.
    private static func value(_ root: JSONNode, _ pointer: String?) throws(ProviderError) -> JSONNode? {
        guard let pointer else { return nil }
        guard let node = root.at(pointer: pointer) else {
            throw ProviderError(.malformed, "nothing at \(pointer) in the answer")
        }
        return node
    }

    private static func date(
        _ node: JSONNode?,
        key: String,
        settings: JSONSourceSettings
    ) throws(ProviderError) -> Date? {
        guard let node, !node.isNull else { return nil }
        switch settings.dateFormat {
        case .unix, .unixMilliseconds:
            do throws(JSONNodeError) {
                return try node.unixDate(key: key, milliseconds: settings.dateFormat == .unixMilliseconds)
            } catch {
                throw ProviderError(.malformed, error.message)
            }
        case .iso8601:
            guard let text = node.stringValue else { throw ProviderError(.malformed, "`\(key)` is not a date") }
            do {
                return try Plausible.date(Date(parsing: text, zone: settings.timeZone), what: "`\(key)`")
            } catch {
                throw ProviderError(.malformed, "`\(key)`: \(error.message)")
            }
        }
    }

    /// Words APIs commonly use, when `status_map` does not say.
    public static func commonStatus(_ text: String) -> Reading.Status {
        switch text {
        case "enabled", "ok", "in_use", "live": .active
        case "inactive", "not_activated", "pending", "released", "ready", "not active": .notActive
        case "depleted", "exhausted", "used_up": .finished
        case "ended", "terminated", "recycled": .expired
        default: .unknown
        }
    }
}
