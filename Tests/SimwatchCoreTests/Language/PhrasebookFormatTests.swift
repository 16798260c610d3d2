import FoundationEssentials
import SimwatchCore
import Testing

/// Quantities, dates and durations as each language writes them, without ICU or a locale.
@Suite struct PhrasebookFormatTests {
    static let cet = ZoneOffset(seconds: 3600, abbreviation: "CET")
    static let friday = LocalDateTime(year: 2026, month: 12, day: 4, hour: 10, minute: 5, second: 0, offset: cet)

    static func day(_ month: Int, _ day: Int) -> LocalDateTime {
        LocalDateTime(year: 2026, month: month, day: day, hour: 0, minute: 0, second: 0, offset: cet)
    }

    @Test(
        arguments: [
            (Language.en, 984_000_000, "984 MB"), (.fr, 984_000_000, "984 Mo"), (.zh, 984_000_000, "984 MB"),
            (.en, 2_500_000_000, "2.5 GB"), (.fr, 2_500_000_000, "2,5 Go"), (.zh, 2_500_000_000, "2.5 GB"),
            (.fr, 999, "999 o"), (.fr, 1_500, "1,5 Ko"), (.zh, 1_500, "1.5 KB"), (.fr, 12_000_000_000_000, "12 To"),
            (.fr, -2_100_000_000, "-2,1 Go"), (.en, 0, "0 B"), (.fr, 0, "0 o"),
        ] as [(Language, Int64, String)]
    )
    func bytes(_ language: Language, _ bytes: Int64, _ expected: String) {
        #expect(language.phrasebook.bytes(ByteCount(bytes: bytes)) == expected)
    }

    @Test(arguments: [
        (Language.en, "20", "EUR", "20 EUR"), (.fr, "20", "EUR", "20 €"), (.fr, "4.5", "EUR", "4,50 €"),
        (.fr, "3", "USD", "3 USD"), (.fr, "0.125", "EUR", "0,125 €"), (.zh, "4.5", "EUR", "4.50 EUR"),
        (.fr, "-1.5", "GBP", "-1,50 GBP"),
    ])
    func money(_ language: Language, _ amount: String, _ currency: String, _ expected: String) throws {
        let money = Money(amount: try #require(Decimal(string: amount)), currency: currency)
        #expect(language.phrasebook.money(money) == expected)
    }

    @Test func rates() {
        #expect(English().rate(2, currency: "EUR") == "2.00 EUR")
        #expect(French().rate(2, currency: "EUR") == "2,00 €")
        #expect(French().rate(1.456, currency: "USD") == "1,46 USD")
        #expect(Chinese().rate(2, currency: "EUR") == "2.00 EUR")
    }

    @Test(arguments: [
        (Language.en, "Fri 4 Dec 10:05 CET", "Fri 4 Dec"),
        (.fr, "ven. 4 déc. 10:05 CET", "ven. 4 déc."),
        (.zh, "12月4日 周五 10:05 CET", "12月4日 周五"),
    ])
    func dates(_ language: Language, _ dateTime: String, _ day: String) {
        #expect(language.phrasebook.dateTime(Self.friday) == dateTime)
        #expect(language.phrasebook.day(Self.friday) == day)
    }

    @Test func everyWeekdayAndMonthInFrenchAndChinese() {
        // Mon 30 Nov ... Sun 6 Dec 2026.
        let week = [Self.day(11, 30)] + (1...6).map { Self.day(12, $0) }
        #expect(
            week.map(French().day) == [
                "lun. 30 nov.", "mar. 1er déc.", "mer. 2 déc.", "jeu. 3 déc.", "ven. 4 déc.", "sam. 5 déc.",
                "dim. 6 déc.",
            ]
        )
        #expect(
            week.map(Chinese().day) == [
                "11月30日 周一", "12月1日 周二", "12月2日 周三", "12月3日 周四", "12月4日 周五", "12月5日 周六", "12月6日 周日",
            ]
        )
        let firsts = (1...12).map { Self.day($0, 15) }.map(French().day).map { $0.split(separator: " ").last ?? "" }
        #expect(
            firsts == [
                "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.",
            ]
        )
        #expect(Chinese().day(Self.day(2, 17)) == "2月17日 周二")
    }

    @Test(
        arguments: [
            (Language.en, 273_600, "3d 4h"), (.fr, 273_600, "3 j 4 h"), (.zh, 273_600, "3天4小时"),
            (.en, 2_700, "45m"), (.fr, 2_700, "45 min"), (.zh, 2_700, "45分钟"),
            (.fr, 5_400, "1 h 30 min"), (.zh, 5_400, "1小时30分钟"),
            (.fr, 1_209_600, "2 sem."), (.zh, 1_209_600, "2周"), (.fr, 30, "30 s"), (.zh, 30, "30秒"),
            (.fr, 0, "0 s"), (.zh, 0, "0秒"), (.fr, 874_800, "10 j 3 h"),
        ] as [(Language, Int64, String)]
    )
    func durations(_ language: Language, _ seconds: Int64, _ expected: String) {
        #expect(language.phrasebook.span(TimeSpan(seconds: seconds)) == expected)
    }

    @Test func percentAndPace() {
        #expect(English().percent(39) == "39%")
        #expect(French().percent(39) == "39 %")
        #expect(Chinese().percent(39) == "39%")
        #expect(French().perDay("590 Mo") == "590 Mo/jour")
        #expect(Chinese().perDay("590 MB") == "590 MB/天")
    }

    @Test func theIssuesExamples() {
        let left = ByteCount(bytes: 984_000_000)
        let total = ByteCount(bytes: 2_500_000_000)
        let fr = French()
        let zh = Chinese()
        #expect(
            fr.detailRemaining(fr.remaining(fr.bytes(left), of: fr.bytes(total), percent: fr.percent(39)))
                == "Il vous reste 984 Mo sur 2,5 Go (39 %)"
        )
        #expect(zh.remaining(zh.bytes(left), of: zh.bytes(total), percent: zh.percent(39)) == "剩余 984 MB（共 2.5 GB，39%）")
    }
}
