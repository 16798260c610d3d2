import FuzzSupport

@testable import SimwatchCore

// POSIX TZ rules ("CET-1CEST,M3.5.0,M10.5.0/3"), from the TZ variable and from TZif footers. A rule that parses is
// then asked for offsets and transitions around the instants the daemon meets.

let instants: [Int64] = [-2_208_988_800, 0, 1_795_132_800, 4_102_444_800]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let zone = try? ZoneInfo(identifier: "Fuzz", posixRule: FuzzInput(data, size).text) else { return 0 }
    for instant in instants {
        _ = zone.offset(at: instant)
        _ = zone.resolve(local: instant)
    }
    _ = zone.changes(in: 1_767_225_600...1_830_297_600)
    _ = zone.date(year: 2026, month: 10, day: 25, hour: 2, minute: 30)
    return 0
}

FuzzDriver.run(fuzz)
