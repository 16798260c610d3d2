import SimwatchChannels
import SimwatchConfig
import SimwatchCore
import Testing

/// `[channels.NAME] type = "sms"`: numbers in E.164, the modem chosen like the modemmanager source's, `max_parts`.
@Suite struct SMSConfigTests {
    static let line = """

        [[line]]
        id = "fr"
        name = "Forfait"
        channels = ["sms"]
        [line.plan]
        quota = "1GB"
        [line.provider]
        type = "demo"

        """

    func parse(_ channel: String) throws(ConfigError) -> Config {
        try ChannelConfigTests().parse(channel + Self.line)
    }

    func errors(_ channel: String) -> [String] {
        ChannelConfigTests().errors(channel + Self.line)
    }

    @Test func decodesNumbersModemAndParts() throws {
        let config = try parse(
            """
            [channels.sms]
            type = "sms"
            to = ["+33 6 12 34 56 78", "+44 20 7946 0958", "+33612345678"]
            iccid = "8933 0100 0000 0000 0012"
            operator = "Orange F"
            max_parts = 2
            timeout = "45s"
            """
        )
        let channel = try #require(config.channels.first)
        let sms = try #require(channel.kind.as(SMSSettings.self))
        #expect(sms.to.map(\.e164) == ["+33612345678", "+442079460958"], "duplicates dropped, order kept")
        #expect(sms.iccid == "89330100000000000012" && sms.operatorName == "Orange F" && sms.maxParts == 2)
        #expect(channel.attemptTimeout == TimeSpan(seconds: 45))
        #expect(config.lines[0].channels == ["journal", "sms"])
    }

    @Test func defaults() throws {
        let config = try parse("[channels.sms]\ntype = \"sms\"\nto = \"+33612345678\"\n")
        let sms = try #require(config.channels.first?.kind.as(SMSSettings.self))
        #expect(sms.to.map(\.e164) == ["+33612345678"])
        #expect(sms.iccid == nil && sms.operatorName == nil && sms.maxParts == 3)
    }

    @Test func aNationalNumberNamesFileLineKeyAndHint() {
        let problems = errors(
            """
            [channels.sms]
            type = "sms"
            to = ["+33612345678",
                  "06 12 34 56 78"]
            """
        )
        #expect(
            problems == [
                "`to`: `06 12 34 56 78` is not in international (E.164) form in [channels.sms] at config.toml:3; "
                    + "write the number in international form, e.g. \"+33612345678\""
            ]
        )
    }

    @Test func mistakes() {
        #expect(
            errors("[channels.sms]\ntype = \"sms\"\n") == [
                "missing `to` in [channels.sms] at config.toml:1; the number to text, e.g. to = \"+33612345678\""
            ]
        )
        #expect(errors("[channels.sms]\ntype = \"sms\"\nto = []\n").contains { $0.hasPrefix("`to` is empty") })
        let many = (0..<11).map { "\"+3361234567\($0)\"" }.joined(separator: ", ")
        #expect(
            errors("[channels.sms]\ntype = \"sms\"\nto = [\(many)]\n") == [
                "`to` has 11 numbers in [channels.sms] at config.toml:3; at most 10: each one costs a message or more"
            ]
        )
        for parts in ["0", "11"] {
            #expect(
                errors("[channels.sms]\ntype = \"sms\"\nto = \"+33612345678\"\nmax_parts = \(parts)\n") == [
                    "`max_parts` = \(parts) is out of range in [channels.sms] at config.toml:4; use 1...10"
                ]
            )
        }
        #expect(
            errors("[channels.sms]\ntype = \"sms\"\nto = \"+33612345678\"\nmax_parts = \"3\"\n") == [
                "`max_parts` must be a whole number, not a string in [channels.sms] at config.toml:4"
            ]
        )
        let iccid = errors("[channels.sms]\ntype = \"sms\"\nto = \"+33612345678\"\niccid = \"1234\"\n")
        #expect(iccid.count == 1 && iccid[0].hasPrefix("`iccid` = \"1234\" is not an ICCID") && iccid[0].contains(":4"))
        let unknown = errors("[channels.sms]\ntype = \"sms\"\nto = \"+33612345678\"\nnumber = \"+33612345678\"\n")
        #expect(unknown.count == 1 && unknown[0].hasPrefix("unknown key `number`") && unknown[0].contains(":4"))
        #expect(
            errors("[channels.sms]\ntype = \"sms\"\nto = \"+33612345678\"\noperator = \" \"\n").contains {
                $0.hasPrefix("`operator` is empty")
            }
        )
    }
}
