import SimwatchCore
import SimwatchSystemd
import Synchronization

/// One conversation with a modem at a time: a USSD session is stateful on the network side, and two at once on
/// one modem fail. Different modems work in parallel.
final class ModemSessions: Sendable {
    private final class Gate: Sendable {
        let lock = Mutex(())
    }

    private let gates = Mutex<[String: Gate]>([:])

    /// Runs `body` while holding the modem's gate (blocking: call from a worker thread).
    func exclusive<T>(_ modem: String, _ body: () throws(DBusError) -> T) throws(DBusError) -> T {
        let gate = gates.withLock { table in
            if let existing = table[modem] { return existing }
            let made = Gate()
            table[modem] = made
            return made
        }
        let result: Result<T, DBusError> = gate.lock.withLock { _ in
            do throws(DBusError) {
                return .success(try body())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
