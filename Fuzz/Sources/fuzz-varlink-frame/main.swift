import FuzzSupport
import SimwatchControl

// The Varlink stream on the control socket: NUL-terminated messages arriving in chunks of any size, each decoded as
// a call (what the daemon reads) and as a reply (what simwatchctl reads). The first byte sets the chunk size; the
// small message limit makes the too-large paths reachable.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput(data, size).bytes
    guard let first = bytes.first else { return 0 }
    let chunk = Int(first) + 1
    var buffer = VarlinkFrame.Buffer(limit: 512)
    var offset = 1
    while offset < bytes.count {
        let end = min(offset + chunk, bytes.count)
        buffer.append(contentsOf: bytes[offset..<end])
        offset = end
        do {
            while let message = try buffer.next() {
                _ = try? VarlinkCall.decode(message)
                _ = try? VarlinkReply.decode(message)
            }
        } catch {
            return 0  // The daemon closes the connection here.
        }
    }
    return 0
}

FuzzDriver.run(fuzz)
