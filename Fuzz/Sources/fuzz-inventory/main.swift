import FuzzSupport
import SimwatchConfig

// Inventory files: the first byte picks CSV or JSON Lines (bit 0) and tight limits (bit 1, so the row, field and
// diagnostic limits are reached too); the rest is the file. Every row and mistake is a value; a trap is a bug.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    guard let selector = input.bytes.first else { return 0 }
    var limits = InventoryLimits()
    if selector & 2 != 0 {
        limits.maximumRows = 8
        limits.maximumFieldBytes = 24
        limits.maximumLineBytes = 64
        limits.maximumColumns = 4
        limits.maximumDiagnostics = 3
    }
    var reader = InventoryReader(file: "/fuzz/fleet", limits: limits)
    reader.read(Array(input.bytes.dropFirst()), format: selector & 1 == 0 ? .csv : .jsonl, defaultGroup: "g")
    for row in reader.rows { precondition(!row.id.isEmpty && row.record >= 1) }
    return 0
}

FuzzDriver.run(fuzz)
