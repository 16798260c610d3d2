import FoundationEssentials
import SimwatchChannels
import SimwatchConfig
import SimwatchCore
import SimwatchModel
import SimwatchProviders
import Testing

/// A line's terms (plan, rules, channels, renewal) are held by reference and shared between equal lines, and still
/// behave as a value: writing one line's never changes another's.
@Suite struct LineTermsTests {
    @Test func writingOneLineLeavesItsCopyAlone() {
        var first = Fixture.line(rules: [])
        var second = first
        var lines = [first, second]
        Line.shareTerms(&lines)
        #expect(lines[0].sharesTerms(with: lines[1]))
        second.plan.quota = ByteCount(bytes: 1_000_000_000)
        second.channels.append("customers")
        #expect(first.plan.quota == ByteCount(bytes: 5_000_000_000))
        #expect(first.channels == ["journal"])
        #expect(second.channels == ["journal", "customers"])
        #expect(first != second)
        #expect(!first.sharesTerms(with: second))
        first.plan.quota = ByteCount(bytes: 1_000_000_000)
        first.channels = ["journal", "customers"]
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
    }

    @Test func equalTermsAreSharedOnlyWhenEqual() {
        let low = Fixture.rule(.expiresWithin([.days(3)]))
        var lines = (0..<4).map { index in
            var line = Fixture.line(rules: index == 3 ? [low] : [])
            line.id = "line-\(index)"
            return line
        }
        Line.shareTerms(&lines)
        #expect(lines[0].sharesTerms(with: lines[1]))
        #expect(lines[1].sharesTerms(with: lines[2]))
        #expect(!lines[2].sharesTerms(with: lines[3]))
        #expect(lines[3].rules == [low])
        #expect(lines.map(\.id) == ["line-0", "line-1", "line-2", "line-3"])
    }

    @Test func linesOfAGroupShareTheirTermsAfterLoading() throws {
        var csv = "iccid,id\n"
        for index in 1...50 { csv += "8933000000000000\(1000 + index),sim-\(index)\n" }
        let config = try InventoryConfigTests.load([
            "config.toml": """
            [groups.fleet]
            plan = {quota = "5GB", cycle_day = 1}
            provider = {type = "json", url = "http://127.0.0.1:9/sims/{iccid}", remaining = "/remaining"}
            [[inventory]]
            file = "sims.csv"
            group = "fleet"
            [[line]]
            id = "own"
            plan = {quota = "2GB", cycle_day = 3}
            provider = {type = "demo"}
            """,
            "sims.csv": csv,
        ])
        let fleet = config.lines.filter { $0.id.hasPrefix("sim-") }
        #expect(fleet.count == 50)
        #expect(fleet.allSatisfy { $0.sharesTerms(with: fleet[0]) })
        let own = try #require(config.lines.first { $0.id == "own" })
        #expect(!own.sharesTerms(with: fleet[0]))
        #expect(own.plan.quota == ByteCount(bytes: 2_000_000_000))
    }

    @Test func zonesCompareByTheirRules() throws {
        let paris = try ZoneInfo(identifier: "Europe/Paris")
        let again = try ZoneInfo(identifier: "Europe/Paris")
        let berlin = try ZoneInfo(identifier: "Europe/Berlin")
        #expect(paris == again)
        #expect(paris.hashValue == again.hashValue)
        #expect(paris != berlin)
        #expect(paris != ZoneInfo.utc)
        #expect(ZoneInfo.utc == ZoneInfo.utc)
    }
}
