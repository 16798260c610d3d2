public import SimwatchCore
import Synchronization

/// A provider whose answers a test decides: a function of the request, or an error.
public final class ScriptedProvider: UsageProvider {
    public typealias Script = @Sendable (ReadRequest) async throws -> Reading
    private let script: Mutex<Script>
    private let calls = Mutex(0)

    public init(_ script: @escaping Script) {
        self.script = Mutex(script)
    }

    /// How many times `read` was called.
    public var callCount: Int { calls.withLock { $0 } }

    public func replace(_ newScript: @escaping Script) {
        script.withLock { $0 = newScript }
    }

    public func read(_ request: ReadRequest) async throws -> Reading {
        calls.withLock { $0 += 1 }
        let current = script.withLock { $0 }
        return try await current(request)
    }
}
