import FuzzSupport
import SimwatchCore

// Mail addresses of the email channel: `alice@example.com` or `Alice Martin <alice@example.com>`.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    if let address = MailAddress(parsing: FuzzInput(data, size).text) { _ = address.description }
    return 0
}

FuzzDriver.run(fuzz)
