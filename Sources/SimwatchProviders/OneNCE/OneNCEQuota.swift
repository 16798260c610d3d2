import FoundationEssentials
public import SimwatchCore

/// The 1NCE management API's data quota (`GET /v1/sims/{iccid}/quota/data`) as a reading: `volume` (MB left),
/// `total_volume` (MB) and `expiry_date` (ISO 8601).
///
/// Pure and here in the core, apart from the HTTP adapter, so that every number in the answer is checked
/// (`Plausible`) and tested: 1e13 MB, "inf" or a date in 1900 is a malformed read, never a trap.
public enum OneNCEQuota {
    /// 1NCE counts decimal megabytes.
    public static let bytesPerMB = 1_000_000.0

    /// Maps the quota answer to a reading.
    public static func reading(_ root: JSONNode, request: ReadRequest) throws(ProviderError) -> Reading {
        guard let volume = root.at(pointer: "/volume")?.numberValue else {
            throw ProviderError(.malformed, "1NCE quota: no `volume` in the answer")
        }
        var reading = Reading(lineID: request.line.id, observedAt: request.now, source: "1nce")
        do throws(JSONNodeError) {
            // An overdrawn (negative) volume is none left; 1e13 MB, "inf" or NaN is a malformed answer, not a trap.
            let remaining = try JSONNode.number(volume.isFinite ? max(0, volume) : volume).bytes(
                key: "volume",
                unit: bytesPerMB
            )
            reading.remaining = remaining
            if let total = root.at(pointer: "/total_volume"), total.numberValue.map({ $0 >= 0 }) == true {
                let size = try total.bytes(key: "total_volume", unit: bytesPerMB)
                reading.total = size
                reading.used = ByteCount(bytes: max(0, size.bytes - remaining.bytes))
            }
        } catch {
            throw ProviderError(.malformed, "1NCE quota: \(error.message)")
        }
        if let text = root.at(pointer: "/expiry_date")?.stringValue {
            do {
                reading.expiresAt = try Plausible.date(Date(parsing: text, zone: .utc), what: "expiry_date")
            } catch {
                throw ProviderError(.malformed, "1NCE quota: expiry_date \"\(text)\" is not a date (\(error.message))")
            }
        }
        if let expires = reading.expiresAt, expires <= request.now {
            reading.status = .expired
        } else if volume <= 0 {
            reading.status = .finished
        }
        return reading
    }
}
