import FuzzSupport
import SimwatchTOML

// The TOML parser alone, on raw bytes (invalid UTF-8 included): errors are expected; a trap, a stack overflow or a
// leak is a bug. A document that parses must give every key a position inside the input.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    guard let table = try? TOMLTable(parsing: input.bytes) else { return 0 }
    let lines = input.bytes.count { $0 == UInt8(ascii: "\n") } + 1
    for key in table.keys {
        guard let position = table.position(of: key), (1...lines).contains(position.line), position.column >= 1 else {
            fatalError("key \(key) has no position inside the input")
        }
    }
    return 0
}

FuzzDriver.run(fuzz)
