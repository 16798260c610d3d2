public import SimwatchCore
import Synchronization

/// A channel that keeps what it was given, and can be told to fail.
public final class RecordingChannel: NotificationChannel {
    private let state = Mutex<(delivered: [Reminder], failing: Bool)>(([], false))

    public init() {}

    public var delivered: [Reminder] { state.withLock { $0.delivered } }

    public func setFailing(_ failing: Bool) {
        state.withLock { $0.failing = failing }
    }

    public func deliver(_ reminder: Reminder) async throws {
        try state.withLock { s in
            if s.failing { throw RecordingChannelError() }
            s.delivered.append(reminder)
        }
    }
}

public struct RecordingChannelError: Error, CustomStringConvertible {
    public var description: String { "recording channel told to fail" }
}
