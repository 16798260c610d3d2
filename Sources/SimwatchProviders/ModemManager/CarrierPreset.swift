import SimwatchCore

/// Ready-made settings for French carriers' balance services: how to ask, and how to read the answer.
///
/// The reply formats are taken from carriers' help pages and from replies users have published; carriers change
/// them without notice, so every pattern is loose (a keyword, then the first amount after it) and each can be
/// overridden in the configuration. docs/providers.md says which parts are uncertain.
public struct CarrierPreset: Sendable, Hashable {
    public var name: String
    public var query: ModemManagerProviderSettings.Query
    public var parser: ReplyParser

    /// "1,2 Go", "500 Mo", "1 024,5 Mo", "3.5 GB": an amount and its unit.
    public static let amount =
        #"(?<amount>[0-9][0-9 \x{A0}\x{202F}.,]*?)\s*(?<unit>[kmgt]i?[ob]|octets?|(?:kilo|m[ée]ga|giga|t[ée]ra)octets?)\b"#
    /// "4,52 EUR", "4,52€", "4.52 euros".
    public static let money = #"(?<amount>[0-9]+(?:[.,][0-9]{1,2})?)\s*(?<currency>eur(?:os?)?|€)"#
    /// "15/12/2026", "15/12/26", "15.12.2026", "15 décembre 2026", optionally "à 23h59" / "23:59".
    public static let date =
        #"(?<day>[0-9]{1,2})(?:er)?[/. -](?<month>[0-9]{1,2}|[a-zéû]{3,9}\.?)[/. -](?<year>[0-9]{4}|[0-9]{2})(?:\s*(?:à|a)?\s*(?<hour>[0-9]{1,2})\s*[h:]\s*(?<minute>[0-9]{2})?)?"#

    /// Remaining data after "il vous reste", "reste", "restant", "solde".
    public static let remainingPatterns = [
        #"(?:il (?:vous )?reste|reste|restant|solde(?: internet| data)?)[^0-9]{0,60}?"# + amount,
        amount + #"\s*(?:d'internet |de data |internet |data )?(?:restants?|disponibles?)"#,
    ]
    /// Credit after "crédit", "solde" or "compte", or any amount in euros.
    public static let creditPatterns = [
        #"(?:cr[ée]dit|solde|compte)[^0-9]{0,40}?"# + money,
        money,
    ]
    /// The end of validity after "valable", "valide", "jusqu'au", "expire", "fin le".
    public static let expiryPatterns = [
        #"(?:valable|valide|jusqu'au|jusqu’au|expire|expiration|fin le|avant le)[^0-9]{0,40}?"# + date
    ]
    public static let unlimitedPatterns = [#"(?:internet|data)\s+illimit[ée]"#]

    /// Orange France: `#123#` answers with what is left of the plan and the credit ("Il vous reste 1,2 Go ...
    /// valable jusqu'au 15/12/2026", "Votre crédit est de 4,52 EUR").
    public static let orangeFR = CarrierPreset(
        name: "orange-fr",
        query: .ussd(code: "#123#"),
        parser: generic
    )
    /// SFR (La Carte, RED prepaid): `#123#`, phrased like Orange's ("Il vous reste 800 Mo ... jusqu'au 01/01/2027").
    public static let sfrFR = CarrierPreset(name: "sfr-fr", query: .ussd(code: "#123#"), parser: generic)
    /// Bouygues Telecom (prepaid): `#123#` ("Votre solde est de 4,52€ ... Internet : il vous reste 2,5 Go
    /// valable jusqu'au 15 décembre 2026").
    public static let bouyguesFR = CarrierPreset(name: "bouygues-fr", query: .ussd(code: "#123#"), parser: generic)
    /// Free Mobile: send an SMS "conso" (or anything) to 555; the reply from 555 gives use against the allowance
    /// ("Conso data : 3,45 Go / 150 Go", "Hors forfait : 0,00€").
    public static let freeFR = CarrierPreset(
        name: "free-fr",
        query: .sms(from: "555", maxAge: .days(2)),
        parser: ReplyParser(
            remaining: remainingPatterns,
            used: [#"(?:data|internet)[^0-9]{0,30}?"# + amount + #"\s*/"#],
            total: [#"(?:data|internet)[^/]{0,60}/\s*"# + amount],
            credit: [#"(?:hors[ -]forfait)[^0-9]{0,20}?"# + money],
            expiry: expiryPatterns,
            unlimited: unlimitedPatterns
        )
    )

    /// The patterns every French preset starts from.
    public static let generic = ReplyParser(
        remaining: remainingPatterns,
        credit: creditPatterns,
        expiry: expiryPatterns,
        unlimited: unlimitedPatterns
    )

    public static let all = [orangeFR, sfrFR, bouyguesFR, freeFR]

    public static func named(_ name: String) -> CarrierPreset? { all.first { $0.name == name } }
}
