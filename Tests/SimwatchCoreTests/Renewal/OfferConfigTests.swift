import FoundationEssentials
import SimwatchChannels
import SimwatchConfig
import SimwatchCore
import SimwatchProviders
import Testing

@Suite struct OfferConfigTests {
    static let lines = """
        [[line]]
        id = "fr"
        needed_until = "2026-12-20"
        [line.plan]
        quota = "1GB"
        [line.provider]
        type = "demo"
        [[line.offer]]
        name = "Orange Holiday 10 GB"
        data = "10 Go"
        valid = "30d"
        price = "20 €"
        url = "https://boutique.orange.fr/holiday"

        [[line]]
        id = "us"
        [line.plan]
        quota = "1GB"
        [line.provider]
        type = "demo"

        """

    func parse(_ extra: String) -> (Config?, [String]) {
        do {
            return (
                try Config.parse(
                    text: Self.lines + extra,
                    path: "config.toml",
                    environment: ["TZ": "UTC"],
                    sources: ProviderCatalog.all,
                    channels: ChannelCatalog.all
                ), []
            )
        } catch {
            return (nil, error.diagnostics.map(\.description))
        }
    }

    @Test func ownAndSharedOffersReachTheirLines() throws {
        let (config, errors) = parse(
            """
            [[offer]]
            name = "Unlimited week"
            data = "unlimited"
            valid = "7d"
            price = "15 EUR"

            [[offer]]
            name = "Airalo US 5 GB"
            data = "5GB"
            valid = "30d"
            price = "12 USD"
            lines = ["us"]
            """
        )
        #expect(errors == [])
        let fr = try #require(config?.lines.first { $0.id == "fr" })
        let us = try #require(config?.lines.first { $0.id == "us" })
        #expect(fr.offers.map(\.name) == ["Orange Holiday 10 GB", "Unlimited week"])
        #expect(us.offers.map(\.name) == ["Unlimited week", "Airalo US 5 GB"])
        #expect(fr.offers[0].data == ByteCount(bytes: 10_000_000_000))
        #expect(fr.offers[0].price.description == "20 EUR")
        #expect(fr.offers[0].url?.text == "https://boutique.orange.fr/holiday")
        #expect(fr.offers[1].data == nil)
        #expect(fr.neededUntil == Date(timeIntervalSince1970: 1_797_724_800))  // 2026-12-20T00:00:00Z
        #expect(us.neededUntil == nil)
    }

    @Test(arguments: [
        (
            "[[offer]]\nname = \"x\"\ndata = \"10GB\"\nvalid = \"30d\"\nprice = \"5 EUR\"\nlines = [\"fx\"]",
            "no line `fx` in [[offer]] #1 at config.toml:26; did you mean `fr`?"
        ),
        (
            "[[offer]]\nname = \"x\"\ndata = \"lots\"\nvalid = \"30d\"\nprice = \"5 EUR\"",
            "`data`: 'lots' is not a data amount in [[offer]] #1 at config.toml:23; write e.g. 500 MB, 1.5 GB or 2 GiB"
        ),
        (
            "[[offer]]\nname = \"x\"\ndata = \"10GB\"\nvalid = \"10m\"\nprice = \"5 EUR\"",
            "`valid` = 10m is shorter than an hour in [[offer]] #1 at config.toml:24; write e.g. \"7d\" or \"30d\""
        ),
        (
            "[[offer]]\nname = \"x\"\ndata = \"10GB\"\nvalid = \"30d\"",
            "missing `price` in [[offer]] #1 at config.toml:21; e.g. price = \"20 EUR\""
        ),
        (
            "[[offer]]\nname = \"Orange Holiday 10 GB\"\ndata = \"10GB\"\nvalid = \"30d\"\nprice = \"5 EUR\"",
            "line `fr` already has an offer named `Orange Holiday 10 GB` in [[offer]] #1 at config.toml:22; give each offer its own name; the advice names the one to buy"
        ),
    ])
    func mistakesAreNamed(extra: String, message: String) {
        #expect(parse(extra).1 == [message])
    }
}
