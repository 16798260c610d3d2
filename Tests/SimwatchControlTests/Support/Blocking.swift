import Glibc

/// Runs blocking code (the client, raw sockets) on its own thread, so it never occupies Swift's cooperative pool,
/// where the server's handlers run.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let job = Job {
            do {
                continuation.resume(returning: try body())
            } catch {
                continuation.resume(throwing: error)
            }
        }
        var thread = pthread_t()
        let argument = Unmanaged.passRetained(job).toOpaque()
        let created = pthread_create(
            &thread,
            nil,
            { argument in
                Unmanaged<Job>.fromOpaque(argument!).takeRetainedValue().run()
                return nil
            },
            argument
        )
        if created == 0 {
            pthread_detach(thread)
        } else {
            Unmanaged<Job>.fromOpaque(argument).release()
            continuation.resume(throwing: POSIXError(created))
        }
    }
}

struct POSIXError: Error {
    var code: Int32
    init(_ code: Int32) { self.code = code }
}

private final class Job: Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}

/// Polls `condition` until it holds or `timeout` seconds pass.
func eventually(timeout: Double = 30, _ condition: @Sendable () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int64(timeout * 1000))
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}
