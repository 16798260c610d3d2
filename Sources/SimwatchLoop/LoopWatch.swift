internal import CEventLoop
import Glibc

/// Readiness of one descriptor on the event loop. Created, changed and cancelled on the loop's thread only, where its
/// handler runs too. The owner cancels the watch before closing the descriptor.
public final class LoopWatch {
    public struct Events: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        // epoll's bits (sys/epoll.h), which Glibc's module does not show to Swift.
        public static let readable = Events(rawValue: 0x001)
        public static let writable = Events(rawValue: 0x004)
        /// Reported whatever was asked for, while something is: the peer hung up, or the descriptor failed.
        public static let hangup = Events(rawValue: 0x010)
        public static let error = Events(rawValue: 0x008)
    }

    private var watch: OpaquePointer?
    private let work: Unmanaged<Handler>
    public private(set) var events: Events = []

    /// Watches `descriptor` (not owned) for nothing yet; `set(_:)` says what to wait for.
    public init(descriptor: Int32, handler: @escaping (Events) -> Void) {
        precondition(EventLoop.isCurrent, "LoopWatch is used on the event loop's thread only")
        work = Unmanaged.passRetained(Handler(handler))
        watch = sw_watch_create(
            descriptor,
            { raw, events in
                guard let raw else { return }
                // Kept alive through the call: the handler may cancel its own watch.
                withExtendedLifetime(Unmanaged<Handler>.fromOpaque(raw).retain().takeRetainedValue()) {
                    $0.body(Events(rawValue: events))
                }
            },
            work.toOpaque()
        )
    }

    /// Waits for `events` from now on (empty: for nothing). Returns 0 or the errno epoll gave.
    @discardableResult
    public func set(_ events: Events) -> Int32 {
        guard let watch else { return EBADF }
        let wanted = events.intersection([.readable, .writable])
        let status = sw_watch_set(watch, wanted.rawValue)
        if status == 0 { self.events = wanted }
        return status
    }

    /// Stops watching for good. Before the descriptor is closed.
    public func cancel() {
        guard let watch else { return }
        self.watch = nil
        events = []
        sw_watch_destroy(watch)
        work.release()
    }

    deinit {
        if watch != nil {
            let watch = Handle(self.watch!)
            let work = Handle(self.work.toOpaque())
            EventLoop.run {
                sw_watch_destroy(watch.pointer)
                Unmanaged<Handler>.fromOpaque(work.raw).release()
            }
        }
    }
}

/// A watch's handler, passed through C as one retained pointer.
final class Handler {
    let body: (LoopWatch.Events) -> Void
    init(_ body: @escaping (LoopWatch.Events) -> Void) { self.body = body }
}
