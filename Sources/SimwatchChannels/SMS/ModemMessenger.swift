import SimwatchCore
import SimwatchSystemd

/// The blocking part of the SMS channel, on a worker thread: the modem chosen as the `modemmanager` source chooses
/// it (`ModemLookup`), then for each number `Messaging.Create({"number", "text"})` and `Sms.Send` on the message it
/// made, then `Messaging.Delete` of that message (ModemManager keeps sent messages in memory otherwise). A Send that
/// timed out is not deleted: the modem may still be sending it.
enum ModemMessenger {
    /// The numbers the text went to, in order, and the failure that stopped the rest (nil when all went).
    struct Outcome: Sendable {
        var sent: [PhoneNumber] = []
        var failure: DeliveryError?
    }

    /// Every call together stays within `timeout` seconds (each at least `DBusTimeout.minimum`).
    static func send(_ text: String, to numbers: [PhoneNumber], via choice: ModemChoice, timeout: Double) -> Outcome {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(Int64((min(max(timeout, 1), 3600) * 1000).rounded())))
        func left(_ most: Double = DBusTimeout.maximum) -> Double {
            let rest = clock.now.duration(to: deadline).components
            return min(most, max(Double(rest.seconds) + Double(rest.attoseconds) / 1e18, DBusTimeout.minimum))
        }
        var outcome = Outcome()
        let bus: DBusConnection
        let modem: String
        do throws(DBusError) {
            bus = try DBusConnection(.system)
        } catch {
            outcome.failure = SMSFailure.delivery(error, "system bus")
            return outcome
        }
        do throws(ModemLookupError) {
            modem = try ModemLookup.find(bus, choice)
        } catch {
            outcome.failure = SMSFailure.lookup(error)
            return outcome
        }
        for number in numbers {
            let path: String
            do throws(DBusError) {
                let created = try bus.call(
                    ModemLookup.service,
                    modem,
                    ModemLookup.messagingInterface,
                    "Create",
                    [.vardict([("number", .string(number.e164)), ("text", .string(text))])],
                    timeout: left(DBusTimeout.standard)
                )
                guard let made = created.first?.string, made.hasPrefix("/") else {
                    throw DBusError(message: "Create gave no message path")
                }
                path = made
            } catch {
                outcome.failure = SMSFailure.delivery(error, "SMS to \(number) (\(modem))")
                return outcome
            }
            do throws(DBusError) {
                _ = try bus.call(ModemLookup.service, path, ModemLookup.smsInterface, "Send", timeout: left())
            } catch {
                if !error.timedOut { delete(path, on: bus, modem: modem, timeout: left(DBusTimeout.standard)) }
                outcome.failure = SMSFailure.delivery(error, "SMS to \(number) (\(modem))")
                return outcome
            }
            outcome.sent.append(number)
            delete(path, on: bus, modem: modem, timeout: left(DBusTimeout.standard))
        }
        return outcome
    }

    /// Best effort: a message left behind costs a little memory in ModemManager, nothing more.
    static func delete(_ path: String, on bus: DBusConnection, modem: String, timeout: Double) {
        _ = try? bus.call(
            ModemLookup.service,
            modem,
            ModemLookup.messagingInterface,
            "Delete",
            [.objectPath(path)],
            timeout: timeout
        )
    }
}
