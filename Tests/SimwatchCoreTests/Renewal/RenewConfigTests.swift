import FoundationEssentials
import SimwatchChannels
import SimwatchConfig
import SimwatchCore
import SimwatchProviders
import Testing

@Suite struct RenewConfigTests {
    func decode(_ renew: String) -> (RenewalGuide?, [String]) {
        let text = """
            [[line]]
            id = "fr"
            [line.plan]
            quota = "1GB"
            [line.provider]
            type = "demo"
            [line.renew]
            \(renew)
            """
        do {
            let config = try Config.parse(
                text: text,
                path: "config.toml",
                environment: ["TZ": "UTC"],
                sources: ProviderCatalog.all,
                channels: ChannelCatalog.all
            )
            return (config.lines.first?.renew, [])
        } catch {
            return (nil, error.diagnostics.map(\.description))
        }
    }

    @Test func everyKeyIsRead() throws {
        let (guide, errors) = decode(
            """
            url = "https://boutique.orange.fr/recharge"
            app = { name = "Orange et moi", link = "https://orange.fr/app" }
            shop = "Orange store, 12 rue de Rivoli, 10:00-19:00"
            code = "#124*CODE#"
            support = "+33 9 69 36 39 00"
            note = "The code is on the card."
            """
        )
        #expect(errors == [])
        #expect(guide?.url?.text == "https://boutique.orange.fr/recharge")
        #expect(guide?.app == "Orange et moi")
        #expect(guide?.appLink?.text == "https://orange.fr/app")
        #expect(guide?.shop == "Orange store, 12 rue de Rivoli, 10:00-19:00")
        #expect(guide?.code == .ussd("#124*CODE#"))
        #expect(guide?.support == .phone("+33 9 69 36 39 00"))
        #expect(guide?.note == "The code is on the card.")
    }

    @Test func anAppMayBeJustItsName() {
        #expect(decode(#"app = "Airalo""#).0?.app == "Airalo")
    }

    @Test func aLineWithoutRenewHasAnEmptyGuide() throws {
        let config = try Config.parse(
            text: "[[line]]\nid = \"a\"\n[line.plan]\nquota = \"1GB\"\n[line.provider]\ntype = \"demo\"\n",
            path: "config.toml",
            environment: ["TZ": "UTC"],
            sources: ProviderCatalog.all,
            channels: ChannelCatalog.all
        )
        #expect(config.lines.first?.renew.isEmpty == true)
    }

    @Test(arguments: [
        (
            #"url = "boutique.orange.fr""#,
            "`url`: `boutique.orange.fr` is not a web link in [line.renew] of line 'fr' at config.toml:8; write the page's address, e.g. https://boutique.orange.fr/recharge"
        ),
        (
            #"code = "124""#,
            "`code`: `124` is not a recharge code in [line.renew] of line 'fr' at config.toml:8; write a USSD code such as \"#124*CODE#\" or a text as \"sms:2222?body=RECHARGE CODE\""
        ),
        (
            #"support = "call Bob""#,
            "`support`: `call Bob` is not a phone number, mail address or page in [line.renew] of line 'fr' at config.toml:8; write a phone number (\"+33 9 69 36 39 00\"), a mail address or a https:// page"
        ),
        (
            #"note = "two\nlines""#,
            "`note` contains line breaks or control characters in [line.renew] of line 'fr' at config.toml:8; write it on one line"
        ),
        (
            #"shop = " ""#,
            "`shop` is empty in [line.renew] of line 'fr' at config.toml:8; leave it out instead"
        ),
        (
            #"ur = "https://x.example""#,
            "unknown key `ur` in [line.renew] of line 'fr' at config.toml:8; did you mean `url`?"
        ),
        (
            #"app = { link = "https://x.example" }"#,
            "missing `name` in [line.renew] of line 'fr' app at config.toml:8; e.g. app = { name = \"Orange et moi\" }"
        ),
    ])
    func mistakesNameFileLineAndKey(renew: String, message: String) {
        #expect(decode(renew).1 == [message])
    }
}
