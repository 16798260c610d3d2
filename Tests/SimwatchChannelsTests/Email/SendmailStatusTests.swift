import SimwatchAdapterKit
import SimwatchCore
import Testing

@testable import SimwatchChannels

/// One case per sysexits.h status: the table in docs/configuration.md, checked through `EmailChannel.check`, which
/// is what the outbox sees.
@Suite struct SendmailStatusTests {
    static let table: [(Int32, String, DeliveryError.Code)] = [
        (64, "EX_USAGE", .misconfigured),
        (65, "EX_DATAERR", .rejected),
        (66, "EX_NOINPUT", .misconfigured),
        (67, "EX_NOUSER", .rejected),
        (68, "EX_NOHOST", .offline),
        (69, "EX_UNAVAILABLE", .temporary),
        (70, "EX_SOFTWARE", .temporary),
        (71, "EX_OSERR", .temporary),
        (72, "EX_OSFILE", .misconfigured),
        (73, "EX_CANTCREAT", .temporary),
        (74, "EX_IOERR", .offline),
        (75, "EX_TEMPFAIL", .offline),
        (76, "EX_PROTOCOL", .temporary),
        (77, "EX_NOPERM", .misconfigured),
        (78, "EX_CONFIG", .misconfigured),
    ]

    static func failure(_ outcome: ProcessRunner.Outcome) -> DeliveryError? {
        do {
            try EmailChannel.check(outcome, program: "sendmail", timeout: 5)
            return nil
        } catch {
            return error
        }
    }

    static func exited(_ status: Int32, said: String = "msmtp: oops") -> ProcessRunner.Outcome {
        var outcome = ProcessRunner.Outcome()
        outcome.status = status
        outcome.stderr = Array(said.utf8)
        return outcome
    }

    @Test(arguments: 64...78) func sysexitsStatus(_ status: Int32) throws {
        let row = try #require(Self.table.first { $0.0 == status })
        #expect(SendmailStatus(status).name == row.1 && SendmailStatus(status).code == row.2)
        let error = try #require(Self.failure(Self.exited(status)))
        #expect(error.code == row.2)
        #expect(error.detail.hasPrefix("sendmail exited with status \(status) (\(row.1): "))
        #expect(error.detail.hasSuffix(": msmtp: oops"))
    }

    @Test func otherStatusesAreRejectedAndZeroIsDelivered() {
        #expect(Self.failure(Self.exited(0)) == nil)
        #expect(Self.failure(Self.exited(1))?.code == .rejected)
        #expect(Self.failure(Self.exited(1))?.detail == "sendmail exited with status 1: msmtp: oops")
        #expect(Self.failure(Self.exited(127))?.code == .rejected)
        #expect(SendmailStatus(63).name == nil && SendmailStatus(79).name == nil)
    }

    @Test func timeoutsSignalsAndShortReadsAreTemporary() {
        var hung = ProcessRunner.Outcome()
        hung.timedOut = true
        hung.signal = 15
        #expect(Self.failure(hung)?.code == .timeout)
        var killed = ProcessRunner.Outcome()
        killed.signal = 9
        #expect(Self.failure(killed)?.code == .temporary)
        // Status 0, but it stopped reading the message: not delivered.
        var short = Self.exited(0, said: "")
        short.inputComplete = false
        #expect(Self.failure(short)?.code == .temporary)
        #expect(Self.failure(short)?.detail == "sendmail exited before reading the whole message")
        var lost = ProcessRunner.Outcome()
        lost.status = nil
        #expect(Self.failure(lost)?.code == .temporary)
    }

    @Test func whatItPrintedIsKeptOnOneLine() {
        let said = "msmtp: cannot locate host smtp.example.com\n\n  retry later \n"
        let error = Self.failure(Self.exited(68, said: said))
        #expect(
            error?.detail
                == "sendmail exited with status 68 (EX_NOHOST: mail server's host name not found (offline?)): "
                + "msmtp: cannot locate host smtp.example.com / retry later"
        )
    }
}
