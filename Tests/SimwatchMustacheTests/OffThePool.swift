import Glibc

/// Runs blocking work (pystache in a child process) on a thread of its own, so it never holds one of the few threads
/// of Swift's cooperative pool: other suites' async tests, running at the same time, would stall behind it.
func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let job = ThreadJob {
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
                Unmanaged<ThreadJob>.fromOpaque(argument!).takeRetainedValue().run()
                return nil
            },
            argument
        )
        if created == 0 {
            pthread_detach(thread)
        } else {
            Unmanaged<ThreadJob>.fromOpaque(argument).release()
            continuation.resume(throwing: Pystache.Failure("pthread_create failed: \(created)"))
        }
    }
}

private final class ThreadJob: Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}
