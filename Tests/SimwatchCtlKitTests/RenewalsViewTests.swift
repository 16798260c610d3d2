import FoundationEssentials
import SimwatchControl
import SimwatchCtlKit
import SimwatchModel
import Testing

/// The ledger as a table and as CSV, and what it adds up to per month and line.
@Suite struct RenewalsViewTests {
    static let zone = try! ZoneInfo(identifier: "Europe/Paris")

    static func entry(
        _ id: String,
        at: String,
        price: String?,
        used: Int64? = nil,
        days: Double = 7,
        note: String? = nil,
        expires: String? = nil,
        ended: String? = nil,
        check: RenewalCheckInfo = RenewalCheckInfo(state: "not_needed")
    ) -> RenewalInfo {
        RenewalInfo(
            id: id,
            line: String(id.split(separator: "/")[0]),
            origin: price == nil ? "detected" : "recorded",
            renewedAt: at,
            recordedAt: at,
            offer: price == nil ? nil : "Holiday 10 GB",
            dataBytes: 10_000_000_000,
            unlimited: false,
            expiresAt: expires,
            price: price,
            currency: price.flatMap { try? Money(parsing: $0) }?.currency,
            order: nil,
            receipt: nil,
            note: note,
            usedBytes: used,
            endedAt: ended,
            serviceDays: days,
            check: check
        )
    }

    static let entries = [
        entry("fr/1", at: "2026-11-03T10:00:00+01:00", price: "20 EUR", used: 8_000_000_000, days: 14),
        entry("fr/2", at: "2026-11-20T10:00:00+01:00", price: "7 EUR", used: 2_000_000_000, days: 7),
        entry("us/1", at: "2026-11-21T10:00:00+01:00", price: "10 USD", used: 1_000_000_000, days: 10),
        entry("fr/3", at: "2026-12-01T10:00:00+01:00", price: "20 EUR", used: 4_000_000_000, days: 5),
        entry("fr/4", at: "2026-12-02T10:00:00+01:00", price: nil),
    ]

    @Test func spendAddsUpPerMonthAndCurrencyNeverAcrossCurrencies() {
        let report = SpendReport(Self.entries, by: .month, zone: Self.zone)
        #expect(
            report.rows.map { "\($0.group) \($0.total) \($0.currency) \($0.renewals)" } == [
                "2026-11 27 EUR 2", "2026-11 10 USD 1", "2026-12 20 EUR 1",
            ]
        )
        #expect(report.unpriced == ["fr/4"])
        let november = report.rows[0]
        #expect(november.perGB == 2.7 && november.perDay == 27.0 / 21)
        let byLine = SpendReport(Self.entries, by: .line, zone: Self.zone)
        #expect(byLine.rows.map(\.group) == ["fr", "us"])
    }

    @Test func aRunningPeriodCountsTheShareOfItsPriceUsedSoFar() {
        // 30 EUR for 30 days, 3 days in with 1 GB used: 3 EUR used up, so 3 EUR per GB and 1 EUR per day.
        let running = Self.entry(
            "fr/5",
            at: "2026-12-01T00:00:00Z",
            price: "30 EUR",
            used: 1_000_000_000,
            days: 3,
            expires: "2026-12-31T00:00:00Z"
        )
        let row = SpendReport([running], by: .line, zone: Self.zone).rows[0]
        #expect(row.total == 30)
        #expect(abs((row.perGB ?? 0) - 3) < 1e-9 && abs((row.perDay ?? 0) - 1) < 1e-9)
        // Ended by the next renewal on day 20: the whole price is used up.
        var ended = running
        ended.endedAt = "2026-12-21T00:00:00Z"
        ended.serviceDays = 20
        let whole = SpendReport([ended], by: .line, zone: Self.zone).rows[0]
        #expect(abs((whole.perDay ?? 0) - 1.5) < 1e-9)
        // Hostile figures never trap: a day count that is not finite counts nothing.
        var odd = running
        odd.serviceDays = .infinity
        odd.usedBytes = .max
        let oddRow = SpendReport([odd, odd], by: .line, zone: Self.zone).rows[0]
        #expect(oddRow.serviceDays == 0 && oddRow.perDay == nil && oddRow.usedBytes > 0)
    }

    @Test func spendDrawsABrailleBarPerRowScaledWithinItsCurrency() {
        let report = SpendReport(Self.entries, by: .month, zone: Self.zone)
        let bars = SpendView.bars(report, width: 10)
        #expect(
            bars == [
                "2026-11 EUR ⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿ 27 EUR",
                "2026-11 USD ⣿⣿⣿⣿⣿⣿⣿⣿⣿⣿ 10 USD",
                "2026-12 EUR ⣿⣿⣿⣿⣿⣿⣿⡇ 20 EUR",
            ]
        )
        let lines = SpendView.render(
            report,
            by: .month,
            context: ViewContext(zone: Self.zone, now: .init(timeIntervalSince1970: 1_796_385_600))
        )
        #expect(lines.contains { $0.contains("never added") })
        #expect(lines.contains { $0.contains("Not counted, without a price: fr/4") })
    }

    @Test func csvQuotesWhatNeedsItAndDisarmsFormulas() {
        let reply = ListRenewals.Reply(
            now: "2026-12-04T12:00:00+01:00",
            renewals: [
                Self.entry("fr/1", at: "2026-11-03T10:00:00+01:00", price: "20,50 EUR", note: "=HYPERLINK(\"x\"), paid")
            ]
        )
        let csv = RenewalsView.csv(reply)
        #expect(csv.count == 2)
        #expect(csv[0].hasPrefix("id,line,origin,renewed_at"))
        #expect(csv[1].contains(",20.5,EUR,"))
        #expect(csv[1].contains(",\"'=HYPERLINK(\"\"x\"\"), paid\","))
        #expect(RenewalsView.cell("-5") == "-5")
    }

    @Test func theTableSaysWhichRenewalsTheProviderConfirmed() {
        let reply = ListRenewals.Reply(
            now: "2026-12-04T12:00:00+01:00",
            renewals: [
                Self.entry(
                    "fr/1",
                    at: "2026-12-01T10:02:00+01:00",
                    price: "20 EUR",
                    check: RenewalCheckInfo(state: "confirmed", at: "2026-12-01T10:24:00+01:00", by: "airalo")
                ),
                Self.entry(
                    "fr/2",
                    at: "2026-12-03T10:02:00+01:00",
                    price: "20 EUR",
                    check: RenewalCheckInfo(state: "late", at: "2026-12-03T12:02:00+01:00")
                ),
            ]
        )
        let context = ViewContext(zone: Self.zone, now: TimeFormat.wire("2026-12-04T12:00:00+01:00")!, width: 200)
        let lines = RenewalsView.render(reply, context: context)
        #expect(lines[1].contains("by airalo Tue 1 Dec 10:24"))
        #expect(lines[2].contains("NOT YET (due Thu 3 Dec 12:02 CET)"))
    }
}
