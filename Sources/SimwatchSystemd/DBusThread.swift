import SimwatchLoop

/// sd-bus calls block, so they run on a `WorkerThread` of their own, off the event loop and Swift's cooperative
/// pool: a modem that takes 30 s to answer a USSD code stalls nothing else.
public enum DBusThread {
    /// Runs `work` on a new worker thread and returns its result; `noThread` if the system refused a thread.
    public static func run<Value: Sendable, Failure: Error>(
        _ work: @escaping @Sendable () -> Result<Value, Failure>,
        noThread: @autoclosure () -> Failure
    ) async -> Result<Value, Failure> {
        let result: Result<Value, Failure>? = await withCheckedContinuation { answer in
            let started = WorkerThread.detach { answer.resume(returning: work()) }
            if !started { answer.resume(returning: nil) }
        }
        return result ?? .failure(noThread())
    }
}
