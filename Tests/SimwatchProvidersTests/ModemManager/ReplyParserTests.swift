import FoundationEssentials
import SimwatchCore
import SimwatchProviders
import Testing

@Suite struct ReplyParserTests {
    static let paris = try! ZoneInfo(identifier: "Europe/Paris")

    @Test(arguments: [
        ("1,2", 1.2), ("1 024,5", 1024.5), ("1\u{202F}024,5", 1024.5), ("1.024,5", 1024.5), ("3.5", 3.5), ("500", 500),
        ("4,52", 4.52), ("1,", 1),
    ])
    func frenchNumbers(text: String, value: Double) {
        #expect(FrenchNumber.parse(text) == value)
    }

    @Test func frenchUnitsAndMonths() {
        #expect(FrenchNumber.bytesPerUnit("Go", binary: false) == 1e9)
        #expect(FrenchNumber.bytesPerUnit("Mo", binary: true) == 1_048_576)
        #expect(FrenchNumber.bytesPerUnit("GiB", binary: false) == 1_073_741_824)
        #expect(FrenchNumber.bytesPerUnit("mégaoctets", binary: false) == 1e6)
        #expect(FrenchNumber.bytesPerUnit("jours", binary: false) == nil)
        #expect(FrenchNumber.month("décembre") == 12)
        #expect(FrenchNumber.month("DÉC.") == 12)
        #expect(FrenchNumber.month("juil") == 7)
        #expect(FrenchNumber.month("ju") == nil)
        #expect(FrenchNumber.currencyCode("€") == "EUR")
    }

    @Test func orangeUSSDReply() throws {
        var parser = CarrierPreset.orangeFR.parser
        parser.timeZone = Self.paris
        let reply = try parser.parse(
            "Orange : au 27/11 a 10h15, il vous reste 1,2 Go d'internet valable jusqu'au 15/12/2026. "
                + "Votre credit est de 4,52 EUR."
        )
        #expect(reply.remaining == ByteCount(bytes: 1_200_000_000))
        #expect(reply.credit == Money(amount: Decimal(452) / 100, currency: "EUR"))
        // Valid for the whole of 15 December: until midnight, Paris time.
        #expect(reply.expiresAt == Self.paris.date(year: 2026, month: 12, day: 16, hour: 0, minute: 0))
        #expect(!reply.unlimited)
    }

    @Test func bouyguesMonthNamesAndEuroSign() throws {
        let reply = try CarrierPreset.bouyguesFR.parser.parse(
            "Votre solde est de 12,50€. Internet : il vous reste 2,5 Go jusqu'au 1er décembre 2026 à 23h59."
        )
        #expect(reply.remaining == ByteCount(bytes: 2_500_000_000))
        #expect(reply.credit?.currency == "EUR")
        #expect(reply.expiresAt == ZoneInfo.utc.date(year: 2026, month: 12, day: 1, hour: 23, minute: 59))
    }

    @Test func sfrMegabytesRemaining() throws {
        let reply = try CarrierPreset.sfrFR.parser.parse("SFR: 800 Mo restants, valables jusqu'au 01/01/27")
        #expect(reply.remaining == ByteCount(bytes: 800_000_000))
        #expect(reply.expiresAt == ZoneInfo.utc.date(year: 2027, month: 1, day: 2, hour: 0, minute: 0))
    }

    @Test func freeUsedOverTotal() throws {
        let reply = try CarrierPreset.freeFR.parser.parse(
            "Free Mobile: Conso data : 3,45 Go / 150 Go. Hors forfait : 0,00€."
        )
        #expect(reply.used == ByteCount(bytes: 3_450_000_000))
        #expect(reply.total == ByteCount(bytes: 150_000_000_000))
        #expect(reply.remaining == nil)
    }

    @Test func unlimitedAndNothing() throws {
        let reply = try CarrierPreset.generic.parse("Vous avez internet illimité jusqu'au 15/12/2026")
        #expect(reply.unlimited)
        #expect(throws: ReplyParseError.self) { try CarrierPreset.generic.parse("Service indisponible") }
    }

    @Test func customPatternWithNamedCaptures() throws {
        let parser = ReplyParser(remaining: [#"left: (?<amount>[0-9.]+) (?<unit>MB)"#])
        #expect(try parser.parse("Data left: 42.5 MB").remaining == ByteCount(bytes: 42_500_000))
        #expect(ReplyParser.problem(in: "(?<amount>[0-9") != nil)
        #expect(ReplyParser.problem(in: "(?<amount>[0-9]+)") == nil)
    }

    @Test(
        arguments: [
            ("il vous reste 99999999999 Go", "remaining \"99999999999 Go\" is not a plausible amount (0 to 1 PB)"),
            ("il vous reste 1000000000000000000000000000000 Mo", "is not a plausible amount"),
            ("il vous reste 1e400 Go", "no data, credit or expiry found"),
            (
                "Votre credit est de 99999999999999 EUR",
                "credit \"99999999999999\" is not a plausible amount (at most 10^12)"
            ),
        ] as [(String, String)]
    )
    func absurdFiguresAreAClearError(text: String, fragment: String) {
        do {
            let reply = try CarrierPreset.generic.parse(text)
            Issue.record("parsed \(reply)")
        } catch {
            #expect(error.message.contains(fragment), "\(error.message)")
            #expect(error.message.contains(text))
        }
    }

    @Test(arguments: ["inf", "nan", "-inf", "1e400", "-1", "1e19", "9223372036854775807"])
    func customPatternsCannotSmuggleNonFiniteNumbers(amount: String) {
        let parser = ReplyParser(remaining: [#"left: (?<amount>\S+) (?<unit>B)"#])
        #expect {
            try parser.parse("left: \(amount) B")
        } throws: { error in
            (error as? ReplyParseError)?.message.contains("remaining \"\(amount) B\" is not a plausible amount") == true
        }
    }

    @Test func expiryYearsOutsideTheRangeAreNotDates() throws {
        let parser = ReplyParser(
            remaining: [#"reste (?<amount>[0-9,]+) (?<unit>Go)"#],
            expiry: [#"jusqu'au (?<day>\d+)/(?<month>\d+)/(?<year>\d+)"#]
        )
        for year in ["1900", "99999", "99999999999999999999999"] {
            let reply = try parser.parse("reste 1,5 Go jusqu'au 15/12/\(year)")
            #expect(reply.remaining == ByteCount(bytes: 1_500_000_000))
            #expect(reply.expiresAt == nil)
        }
    }
}
