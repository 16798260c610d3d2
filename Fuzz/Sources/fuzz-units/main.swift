import FoundationEssentials
import FuzzSupport
import SimwatchCore

// Every unit a configuration, a script or a carrier reply writes as text: sizes ("1.5 GB"), durations ("2h30m"),
// money ("4.52 EUR"), dates (ISO 8601, in UTC and in a zone with daylight saving time) and quiet hours
// ("22:00-07:30"), and what `[line.renew]` checks (links, recharge codes, support contacts). Each parsed value is also printed back, and quiet hours are asked about an instant: the
// arithmetic on a parsed value must not trap either.

/// A zone with daylight saving time, for the zone-less dates and the quiet hours; UTC when tzdata is missing.
let paris = (try? ZoneInfo(identifier: "Europe/Paris")) ?? .utc
let instant = Date(timeIntervalSince1970: 1_795_132_800)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput(data, size).text
    if let size = try? ByteCount(parsing: text) { _ = size.description }
    if let span = try? TimeSpan(parsing: text) { _ = span.description }
    if let money = try? Money(parsing: text) {
        _ = money.description
        _ = Money.rate(money.approximateValue / 3, currency: money.currency)
    }
    if let link = try? RenewalGuide.Link(parsing: text) { _ = link.description }
    if let code = try? RechargeCode(parsing: text) { _ = (code.description, code.instruction) }
    if let support = try? SupportContact(parsing: text) { _ = support.description }
    for zone in [ZoneInfo.utc, paris] {
        if let date = try? Date(parsing: text, zone: zone) { _ = date.iso8601(in: zone) }
        if let quiet = try? QuietHours(parsing: text, zone: zone) {
            _ = quiet.description
            if quiet.contains(instant) { _ = quiet.end(after: instant) }
        }
    }
    return 0
}

FuzzDriver.run(fuzz)
