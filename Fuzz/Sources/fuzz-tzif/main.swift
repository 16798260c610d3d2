import FuzzSupport

@testable import SimwatchCore

// TZif files (RFC 8536) from /usr/share/zoneinfo: the header, the transitions, the footer's POSIX rule. A zone
// that loads is then asked for offsets and local times, as the daemon does for every date it shows.

let instants: [Int64] = [-2_208_988_800, 0, 1_795_132_800, 4_102_444_800]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let zone = try? ZoneInfo(identifier: "Fuzz/Zone", tzif: FuzzInput(data, size).bytes) else { return 0 }
    for instant in instants {
        _ = zone.offset(at: instant)
        _ = zone.resolve(local: instant)
    }
    _ = zone.changes(in: 0...1_795_132_800)
    _ = zone.date(year: 2026, month: 3, day: 29, hour: 2, minute: 30)
    return 0
}

FuzzDriver.run(fuzz)
