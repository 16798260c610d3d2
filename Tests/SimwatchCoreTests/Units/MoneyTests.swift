import FoundationEssentials
import SimwatchCore
import Testing

@Suite struct MoneyTests {
    @Test(arguments: [
        ("5 EUR", "5", "EUR"), ("4,52 EUR", "4.52", "EUR"), ("4.52€", "4.52", "EUR"), ("€4.52", "4.52", "EUR"),
        ("$3", "3", "USD"), ("3 USD", "3", "USD"), ("10 £", "10", "GBP"), ("£10", "10", "GBP"), ("EUR 5", "5", "EUR"),
        ("eur 5", "5", "EUR"), ("5eur", "5", "EUR"), ("12 euros", "12", "EUR"), ("1 Euro", "1", "EUR"),
        ("4,5 €", "4.5", "EUR"), ("-1,20 EUR", "-1.2", "EUR"), ("-€1.20", "-1.2", "EUR"), ("€-1.20", "-1.2", "EUR"),
        ("€ 4.52", "4.52", "EUR"), ("100 CHF", "100", "CHF"), ("0,125 EUR", "0.125", "EUR"),
        ("  7.00 gbp ", "7", "GBP"), ("-0 EUR", "0", "EUR"), ("4.52\u{202F}€", "4.52", "EUR"),
    ])
    func parses(input: String, amount: String, currency: String) throws {
        let money = try Money(parsing: input)
        #expect(money.amount == Decimal(string: amount))
        #expect(money.currency == currency)
    }

    @Test(arguments: [
        ("", "empty amount"), ("5", "has no currency"), ("4,52", "has no currency"), ("EUR", "not an amount"),
        ("5 EUR USD", "unexpected 'USD'"), ("€5 EUR", "two currencies"), ("5 ABCD", "unknown currency 'ABCD'"),
        ("1,500 EUR", "ambiguous"), ("--5 EUR", "not an amount"), ("5 ¥", "unexpected '¥'"),
        ("12345678901234567890 EUR", "too many digits"),
        ("1000000000001 EUR", "more than 10^12"), ("-9999999999999 €", "more than 10^12"),
        ("9223372036854775807 USD", "more than 10^12"), ("5 EUR!", "unexpected '!'"),
    ])
    func rejects(input: String, fragment: String) {
        do {
            let parsed = try Money(parsing: input)
            Issue.record("'\(input)' parsed as \(parsed)")
        } catch {
            #expect(error.input == input)
            #expect(error.message.contains(fragment), "\(error.message)")
            #expect(error.hint != nil || fragment == "too many digits" || fragment == "more than 10^12")
        }
    }

    @Test(arguments: [
        ("4.52", "EUR", "4.52 EUR"), ("5", "EUR", "5 EUR"), ("4.5", "eur", "4.50 EUR"), ("0.125", "EUR", "0.125 EUR"),
        ("-1.2", "EUR", "-1.20 EUR"), ("1000", "USD", "1000 USD"), ("0.05", "GBP", "0.05 GBP"),
    ])
    func describes(amount: String, currency: String, text: String) throws {
        let money = Money(amount: try #require(Decimal(string: amount)), currency: currency)
        #expect(money.description == text)
    }

    @Test(arguments: ["4,50 EUR", "€4.52", "$3", "-1,20 EUR", "0,125 EUR", "10 £"])
    func descriptionParsesBack(input: String) throws {
        let money = try Money(parsing: input)
        #expect(try Money(parsing: money.description) == money)
    }

    @Test func codableRoundTrip() throws {
        let money = try Money(parsing: "4,52 EUR")
        let decoded = try JSONDecoder().decode(Money.self, from: JSONEncoder().encode(money))
        #expect(decoded == money)
    }
}
