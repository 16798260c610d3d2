import FoundationEssentials
import SimwatchCore
import SimwatchHTTP

/// Any JSON API: the URL template filled in, auth from a secret, and the figures picked out with JSON pointers.
struct JSONSourceProvider: UsageProvider {
    let settings: JSONSourceSettings
    let http: HTTPClientContext

    func read(_ request: ReadRequest) async throws -> Reading {
        var url = settings.url.replacing("{line}", with: request.line.id)
        if let iccid = settings.iccid { url = url.replacing("{iccid}", with: iccid) }
        var headers = [HTTPHeader("Accept", "application/json")]
        for (name, value) in settings.headers.sorted(by: { $0.key < $1.key }) {
            headers.append(HTTPHeader(name, value))
        }
        switch settings.auth {
        case .none:
            break
        case .bearer(let source):
            headers.append(HTTPHeader("Authorization", "Bearer \(try http.secrets.read(source))"))
        case .basic(let user, let source):
            let password = try http.secrets.read(source)
            headers.append(
                HTTPHeader("Authorization", HTTPClientContext.basicAuthorization(user: user, password: password))
            )
        case .header(let name, let source):
            headers.append(HTTPHeader(name, try http.secrets.read(source)))
        }
        let response = try await http.send(
            HTTPRequestSpec(
                method: settings.method,
                url: url,
                headers: headers,
                body: settings.body.map { Array($0.utf8) },
                totalTimeout: settings.timeout.timeInterval
            )
        )
        let host = HTTPClientContext.host(of: url)
        guard (200..<300).contains(response.status) else { throw HTTPClientContext.failure(response, what: host) }
        return try reading(HTTPClientContext.json(response, what: host), request: request)
    }

    func reading(_ root: JSONNode, request: ReadRequest) throws(ProviderError) -> Reading {
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
        reading.expiresAt = try date(try value(root, fields.expires), key: "expires")
        reading.providerUpdatedAt = try date(try value(root, fields.updatedAt), key: "updated_at")
        if let node = try value(root, fields.credit), !node.isNull {
            if let text = node.stringValue, let money = try? Money(parsing: text) {
                reading.credit = money
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
    private func value(_ root: JSONNode, _ pointer: String?) throws(ProviderError) -> JSONNode? {
        guard let pointer else { return nil }
        guard let node = root.at(pointer: pointer) else {
            throw ProviderError(.malformed, "nothing at \(pointer) in the answer")
        }
        return node
    }

    private func date(_ node: JSONNode?, key: String) throws(ProviderError) -> Date? {
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
    static func commonStatus(_ text: String) -> Reading.Status {
        switch text {
        case "enabled", "ok", "in_use", "live": .active
        case "inactive", "not_activated", "pending", "released", "ready", "not active": .notActive
        case "depleted", "exhausted", "used_up": .finished
        case "ended", "terminated", "recycled": .expired
        default: .unknown
        }
    }
}
