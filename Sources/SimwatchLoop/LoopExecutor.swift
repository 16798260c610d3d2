internal import CEventLoop
@_spi(ExperimentalCustomExecutors) @_spi(ExperimentalScheduling) public import _Concurrency

/// Swift concurrency's executor in simwatchd: every job, main-actor or not, and every `Task.sleep`, runs on the event
/// loop's one thread. A daemon that waits minutes between polls needs no more, and it keeps libdispatch's worker
/// pool from ever starting, with the timer that watches that pool once a second (most of an idle daemon's
/// wake-ups). Blocking work goes to a `WorkerThread`.
///
/// Installed by simwatchd's `main` with `_createExecutors(factory: LoopExecutorFactory.self)` before the first task;
/// the API is Swift 6.3's experimental custom-executor SPI, hence `@_spi`.
@_spi(SimwatchExecutors)
public final class LoopExecutor: MainExecutor, TaskExecutor, SchedulingExecutor,
    @unchecked Sendable
{
    // @unchecked: no stored state; CEventLoop does the locking.
    public static let shared = LoopExecutor()

    private init() {
        sw_loop_will_run_on_main()
    }

    /// Jobs of high priority and above (the control socket's requests) run before the others.
    public func enqueue(_ job: consuming ExecutorJob) {
        let urgent = job.priority.rawValue >= TaskPriority.high.rawValue
        sw_loop_execute_urgent(runJob, Self.pointer(job), urgent)
    }

    public func enqueue<C: Clock>(
        _ job: consuming ExecutorJob,
        after delay: C.Duration,
        tolerance: C.Duration?,
        clock: C
    ) {
        // The clocks simwatch sleeps on (continuous, suspending) measure in Swift.Duration.
        let wait = delay as? Duration ?? .zero
        sw_loop_execute_after(Self.nanoseconds(wait), runJob, Self.pointer(job))
    }

    public func enqueue<C: Clock>(
        _ job: consuming ExecutorJob,
        at instant: C.Instant,
        tolerance: C.Duration?,
        clock: C
    ) {
        enqueue(job, after: clock.now.duration(to: instant), tolerance: tolerance, clock: clock)
    }

    public var isMainExecutor: Bool { true }

    public func checkIsolated() {
        precondition(EventLoop.isCurrent, "not on simwatchd's event loop")
    }

    /// Runs the loop on the calling (main) thread; never returns (simwatchd ends with `exit`).
    public func run() throws { sw_loop_run() }

    public func runUntil(_ condition: () -> Bool) throws { sw_loop_run() }

    public func stop() {}

    private static func pointer(_ job: consuming ExecutorJob) -> UnsafeMutableRawPointer {
        unsafe unsafeBitCast(UnownedJob(job), to: UnsafeMutableRawPointer.self)
    }

    static func nanoseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        return EventLoop.nanoseconds(Double(seconds) + Double(attoseconds) / 1e18)
    }
}

private func runJob(_ raw: UnsafeMutableRawPointer?) {
    guard let raw else { return }
    let job = unsafe unsafeBitCast(raw, to: UnownedJob.self)
    unsafe job.runSynchronously(on: LoopExecutor.shared.asUnownedSerialExecutor())
}

/// Makes `LoopExecutor` both the main and the default executor.
@_spi(SimwatchExecutors) public enum LoopExecutorFactory: ExecutorFactory {
    public static var mainExecutor: any MainExecutor { LoopExecutor.shared }
    public static var defaultExecutor: any TaskExecutor { LoopExecutor.shared }
}
