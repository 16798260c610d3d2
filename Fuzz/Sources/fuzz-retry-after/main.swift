import FoundationEssentials
import FuzzSupport

@testable import SimwatchChannels
@testable import SimwatchProviders

// `Retry-After` header values, as the webhook and ntfy channels read them (seconds or an HTTP date) and as the
// HTTP providers read them (seconds).

let now = Date(timeIntervalSince1970: 1_795_132_800)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput(data, size).text
    _ = HTTPDelivery.retryAfter(text, now: now)
    _ = HTTPClientContext.retryAfter(text)
    return 0
}

FuzzDriver.run(fuzz)
