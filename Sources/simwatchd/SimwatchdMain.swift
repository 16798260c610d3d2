import ArgumentParser
import Glibc
@_spi(SimwatchExecutors) import SimwatchLoop
@_spi(ExperimentalCustomExecutors) import _Concurrency

/// simwatchd runs on one thread: its event loop is Swift concurrency's executor, installed before the first task.
/// An idle daemon then sleeps in one `epoll_wait` until its next timer, instead of keeping libdispatch's worker pool
/// (and the pool monitor's once-a-second timer) alive. Blocking work (HTTP, child processes, D-Bus calls) runs on
/// worker threads that exist only while it does.
@main
enum SimwatchdMain {
    static func main() {
        ResidentMemory.limitArenas()
        _createExecutors(factory: LoopExecutorFactory.self)
        Task {
            await SimwatchdCommand.main()
            exit(0)
        }
        // Never returns: the loop runs until the task above exits.
        try? LoopExecutor.shared.run()
        exit(70)
    }
}
