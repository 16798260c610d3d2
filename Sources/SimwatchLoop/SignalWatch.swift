internal import CEventLoop
import Glibc

/// Unix signals as calls on the event loop: each signal is caught (its default action, stopping or ignoring the
/// process, no longer applies) and reported through a pipe the loop watches, so the handler runs as ordinary code.
public final class SignalWatch: @unchecked Sendable {
    // @unchecked: `watch` is created and cancelled on the loop's thread only.
    private var watch: LoopWatch?
    private var cancelled = false

    public struct Failure: Error, CustomStringConvertible {
        public let signal: Int32
        public let errno: Int32
        public var description: String { "cannot catch signal \(signal): \(String(cString: strerror(errno)))" }
    }

    /// Catches `signals` and calls `handler` on the loop's thread for each one received.
    public init(_ signals: [Int32], handler: @escaping @Sendable (Int32) -> Void) throws(Failure) {
        let descriptor = sw_signal_descriptor()
        guard descriptor >= 0 else { throw Failure(signal: signals.first ?? 0, errno: errno) }
        for sig in signals {
            let status = sw_signal_catch(sig)
            guard status == 0 else { throw Failure(signal: sig, errno: status) }
        }
        EventLoop.run { [self] in
            guard !cancelled else { return }
            let watch = LoopWatch(descriptor: descriptor) { _ in
                var bytes = [UInt8](repeating: 0, count: 64)
                while true {
                    let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                    guard count > 0 else { return }
                    for byte in bytes[..<count] { handler(Int32(byte)) }
                }
            }
            watch.set(.readable)
            self.watch = watch
        }
    }

    /// Stops reporting (the signals stay caught, so they do nothing).
    public func cancel() {
        EventLoop.run { [self] in
            cancelled = true
            watch?.cancel()
            watch = nil
        }
    }
}
