import FuzzSupport
import SimwatchCore
import SimwatchProviders

// What a user's script prints on stdout (the exec provider): a JSON object of amounts, dates, status and credit.

let paris = (try? ZoneInfo(identifier: "Europe/Paris")) ?? .utc

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput(data, size).bytes
    _ = try? ScriptReading(parsing: bytes, zone: .utc)
    _ = try? ScriptReading(parsing: bytes, zone: paris)
    return 0
}

FuzzDriver.run(fuzz)
