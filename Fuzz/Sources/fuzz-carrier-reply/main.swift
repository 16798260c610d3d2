import FuzzSupport
import SimwatchCore
import SimwatchProviders

// USSD and SMS replies of the carriers, through each preset's patterns (the patterns themselves come from the
// configuration, not from outside, and are not fuzzed), and the French numbers they contain.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput(data, size).text
    for preset in CarrierPreset.all {
        _ = try? preset.parser.parse(text)
    }
    _ = FrenchNumber.parse(text)
    _ = ReplyParser.preview(text)
    return 0
}

FuzzDriver.run(fuzz)
