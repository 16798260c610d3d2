import FoundationEssentials
public import SimwatchCore

/// The Airalo Partner API's usage answer (`GET /v2/sims/{iccid}/usage`) as a reading: `data.remaining` and
/// `data.total` in MB, `data.expired_at` without a zone, `data.status` and `data.is_unlimited`.
///
/// Pure and here in the core, apart from the HTTP adapter, so that every number in the answer is checked
/// (`Plausible`) and tested: 1e13 MB, "inf" or a date in year 0 is a malformed read, never a trap.
public enum AiraloUsage {
    /// Airalo's MB: a "1 GB" package reports 1024, so these are binary megabytes.
    public static let bytesPerMB = 1_048_576.0

    /// Maps the usage answer to a reading.
    public static func reading(_ root: JSONNode, request: ReadRequest, zone: ZoneInfo) throws(ProviderError) -> Reading
    {
        guard let data = root.at(pointer: "/data"), case .object = data else {
            throw ProviderError(.malformed, "Airalo usage: no `data` object in the answer")
        }
        let unlimited = data.at(pointer: "/is_unlimited")?.boolValue ?? false
        let text = data.at(pointer: "/status")?.stringValue?.uppercased() ?? "UNKNOWN"
        var status: Reading.Status
        switch text {
        case "NOT_ACTIVE": status = .notActive
        case "ACTIVE": status = unlimited ? .unlimited : .active
        case "FINISHED": status = .finished
        case "EXPIRED", "RECYCLED": status = .expired
        default: status = .unknown
        }
        var reading = Reading(lineID: request.line.id, observedAt: request.now, status: status, source: "airalo")
        if let raw = data.at(pointer: "/expired_at"), let value = raw.stringValue, !value.isEmpty {
            do {
                reading.expiresAt = try Plausible.date(Date(parsing: value, zone: zone), what: "expired_at")
            } catch {
                throw ProviderError(
                    .malformed,
                    "Airalo usage: expired_at \"\(value)\" is not a date (\(error.message))"
                )
            }
        }
        // For unlimited packages the amounts are zeros that mean nothing.
        if !unlimited {
            guard let remaining = data.at(pointer: "/remaining"), let total = data.at(pointer: "/total") else {
                throw ProviderError(.malformed, "Airalo usage: data.remaining or data.total missing")
            }
            do throws(JSONNodeError) {
                // Checked: 1e13 MB or "inf" is a malformed answer, not an overflow trap.
                let left = try remaining.bytes(key: "data.remaining", unit: bytesPerMB)
                let size = try total.bytes(key: "data.total", unit: bytesPerMB)
                reading.remaining = left
                reading.total = size
                reading.used = ByteCount(bytes: max(0, size.bytes - left.bytes))
            } catch {
                throw ProviderError(.malformed, "Airalo usage: \(error.message)")
            }
        }
        if status == .active, let expires = reading.expiresAt, expires <= request.now { reading.status = .expired }
        return reading
    }
}
