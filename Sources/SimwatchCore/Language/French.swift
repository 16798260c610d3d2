/// French: "Orange Holiday : il vous reste 984 Mo sur 2,5 Go (39 %), à ce rythme de quoi tenir 3 j 4 h, le forfait
/// expire le ven. 4 déc. 10:00 CET : rechargez maintenant". Decimal comma, o/Ko/Mo/Go, a space before « : » and
/// « % », amounts in euros as "20,00 €".
public struct French: Phrasebook {
    public init() {}

    public var language: Language { .fr }

    static let style = NumberStyle(
        decimalSeparator: ",",
        byteUnits: ["o", "Ko", "Mo", "Go", "To", "Po", "Eo"],
        spanUnits: ("sem.", "j", "h", "min", "s"),
        spanUnitGap: " ",
        spanPartGap: " "
    )
    static let symbols = ["EUR": "€"]
    static let weekdays = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
    static let months = [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.",
    ]

    public func bytes(_ count: ByteCount) -> String { Self.style.bytes(count) }
    public func money(_ amount: Money) -> String { Self.style.money(amount, symbols: Self.symbols) }
    public func rate(_ value: Double, currency: String) -> String {
        Self.style.rate(value, currency: currency, symbols: Self.symbols)
    }
    public func dateTime(_ time: LocalDateTime) -> String {
        "\(day(time)) \(ZoneOffset.twoDigits(time.hour)):\(ZoneOffset.twoDigits(time.minute)) \(time.offset.abbreviation)"
    }
    public func day(_ time: LocalDateTime) -> String {
        "\(Self.weekdays[time.weekday - 1]) \(time.day == 1 ? "1er" : String(time.day)) \(Self.months[time.month - 1])"
    }
    public func span(_ span: TimeSpan) -> String { Self.style.span(span) }
    public func percent(_ value: Int) -> String { "\(value) %" }
    public func perDay(_ amount: String) -> String { "\(amount)/jour" }
    public func fromNow(_ span: String) -> String { "dans \(span)" }

    public func summary(_ name: String, _ parts: [String], action: String?) -> String {
        name + " : " + parts.joined(separator: ", ") + (action.map { " : " + $0 } ?? "")
    }

    public func act(topUp: Bool, url: String?) -> String {
        let verb = topUp ? "rechargez votre crédit" : "rechargez maintenant"
        return url.map { "\(verb) sur \($0)" } ?? verb
    }

    public func remaining(_ left: String, of total: String?, percent: String?) -> String {
        guard let total, let percent else { return "il vous reste \(left)" }
        return "il vous reste \(left) sur \(total) (\(percent))"
    }

    public var dataUsedUp: String { "données épuisées" }
    public var dataLow: String { "presque plus de données" }
    public func lasts(_ span: String) -> String { "à ce rythme de quoi tenir \(span)" }
    public func planExpires(_ when: String, past: Bool) -> String {
        past ? "le forfait a expiré le \(when)" : "le forfait expire le \(when)"
    }
    public func planExpiresIn(_ span: String, _ when: String) -> String { "le forfait expire dans \(span) (\(when))" }
    public var planExpired: String { "le forfait a expiré" }
    public var noDataLeft: String { "plus aucune donnée" }
    public func left(_ amount: String) -> String { "il reste \(amount)" }
    public func shows(_ amount: String) -> String { "\(amount) restants" }

    public func runsOut(pace: String?, in span: String, _ when: String) -> String {
        "à ce rythme\(pace.map { " (\($0))" } ?? ""), les données seront épuisées dans \(span) (\(when))"
    }

    public func beforeExpiry(_ span: String) -> String { "\(span) avant l'expiration du forfait" }
    public func useAtMost(_ amount: String) -> String { "utilisez au plus \(perDay(amount)) pour tenir" }

    public func credit(_ credit: String?, below: String?) -> String {
        "crédit \(credit ?? "inconnu")" + (below.map { ", sous le seuil de \($0)" } ?? "")
    }

    public func noReading(for span: String, last: String?, error: String?) -> String {
        "aucun relevé depuis \(span)" + (last.map { " (dernier le \($0))" } ?? "") + (error.map { " : \($0)" } ?? "")
    }

    public var renewed: String { "forfait renouvelé" }
    public func available(_ amount: String) -> String { "\(amount) disponibles" }
    public func validUntil(_ when: String) -> String { "valable jusqu'au \(when)" }
    public var renewalNotArrived: String { "la recharge n'est pas arrivée" }
    public var renewalArrived: String { "la recharge est arrivée" }
    public var renewButton: String { "Recharger" }
    public var testReminder: String { "rappel de test de simwatch" }
    public func testThrough(_ channel: String) -> String {
        "rappel de test par \(channel) ; si vous lisez ceci, le canal fonctionne"
    }
    public func testSent(at when: String) -> String { "Envoyé par simwatchctl test-notify le \(when)" }

    public var theProvider: String { "l'opérateur" }

    public func renewalCheck(of when: String, waited: String?, source: String, figures: [String]) -> String {
        let shows =
            figures.isEmpty
            ? "" : " : \(source) \(waited == nil ? "indique" : "indique toujours") " + figures.joined(separator: ", ")
        guard let waited else { return "la recharge du \(when) est arrivée\(shows)" }
        return "la recharge du \(when) n'est toujours pas arrivée au bout de \(waited)\(shows)"
    }

    public func confirmedBy(_ source: String, at when: String) -> String { "Confirmée par \(source) le \(when)." }
    public func contactSupport(_ support: String) -> String { "Contactez le service client : \(support)." }
    public func asOf(_ when: String) -> String { " — au \(when) (dernière lecture)" }
    public func raised(_ when: String, deliveredLater span: String) -> String {
        "Émis le \(when), remis \(span) plus tard."
    }
    public var checkWithProvider: String {
        "Vérifiez sur le site de l'opérateur, ou contactez son service client avec le numéro de commande."
    }
    public func recordedKeepsWatching(_ when: String) -> String {
        "Enregistrée le \(when) ; simwatch continue de surveiller et vous préviendra dès son arrivée."
    }

    public func detailRemaining(_ phrase: String) -> String { Self.capitalized(phrase) }
    public func detailExpires(_ when: String, iso: String) -> String { "Expiration : \(when) (\(iso))" }
    public func detailPace(_ perDay: String) -> String { "Rythme : \(perDay)" }
    public func detailAllowance(_ perDay: String) -> String { "Pour tenir jusqu'à l'expiration : \(perDay)" }
    public func detailCredit(_ credit: String) -> String { "Crédit : \(credit)" }
    public func detailRule(_ id: String, kind: String, severity: String) -> String {
        "Règle : \(id) (\(kind), \(severity))"
    }
    public func detailSource(_ source: String, observed: String, estimated: Bool) -> String {
        "Source : \(source), relevé le \(observed)\(estimated ? " (estimation)" : "")"
    }

    /// "Rechargez sur https://… ou dans l'application Orange et moi ; service client : +33 9 69 36 39 00."
    public func renewal(_ guide: RenewalGuide) -> String {
        var ways: [String] = []
        if let url = guide.url { ways.append("sur \(url)") }
        if let app = guide.app {
            let named = app.lowercased().hasPrefix("app") ? app : "l'application \(app)"
            ways.append("dans \(named)")
        }
        if let shop = guide.shop { ways.append("en boutique (\(shop))") }
        if let code = guide.code {
            switch code {
            case .ussd(let code): ways.append("en composant le \(code)")
            case .sms(let number, let body): ways.append("en envoyant « \(body) » au \(number)")
            }
        }
        var parts: [String] = []
        if !ways.isEmpty { parts.append("Rechargez \(English.list(ways, or: " ou "))") }
        if let support = guide.support {
            parts.append(parts.isEmpty ? "Service client : \(support)" : "service client : \(support)")
        }
        var text = parts.joined(separator: " ; ")
        if !text.isEmpty { text += "." }
        if let note = guide.note { text += text.isEmpty ? note : " \(note)" }
        return text
    }

    /// "À votre rythme (590 Mo/jour), il vous faut environ 9,4 Go jusqu'au dim. 20 déc. : Orange Holiday 10 Go,
    /// 20 €, suffit (2,00 €/Go)."
    public func advice(_ advice: OfferAdvice, zone: ZoneInfo) -> String? {
        guard let need = advice.need, let first = advice.picks.first else { return nil }
        let day = day(zone.localDateTime(need.until))
        var text = "À votre rythme (\(perDay(bytes(need.pace)))), "
        text +=
            need.data.bytes > 0
            ? "il vous faut environ \(bytes(need.data)) jusqu'au \(day) : "
            : "les données restantes tiennent jusqu'au \(day) ; pour garder la ligne jusque-là : "
        text += option(first)
        for other in advice.picks.dropFirst() {
            text += " ; en \(other.offer.price.currency) : " + option(other)
        }
        if advice.picks.count > 1 { text += " (les prix en devises différentes ne sont pas comparés)" }
        return text + "."
    }

    func option(_ option: OfferAdvice.Option) -> String {
        let times = (option.count ?? 1) > 1 ? "\(option.count ?? 1) × " : ""
        let total = money(option.totalCost ?? option.offer.price)
        let perGB =
            option.costPerGB.map { rate($0, currency: option.offer.price.currency) + "/Go" } ?? "données illimitées"
        return "\(times)\(option.offer.name), \(total), suffit (\(perGB))"
    }

    public func subject(_ kind: ReminderKind) -> String {
        switch kind {
        case .lowData:
            "Presque plus de données sur {{line.name}}{{#remaining}} : il reste {{remaining}}{{/remaining}}"
                + "{{event_note}}"
        case .expiring:
            "{{#expired}}Forfait expiré{{/expired}}{{^expired}}Le forfait expire {{expires_in}}{{/expired}} : "
                + "{{line.name}}{{event_note}}"
        case .runsOut:
            "{{line.name}} : données épuisées{{#runs_out_in}} dans {{runs_out_in}}{{/runs_out_in}}{{event_note}}"
        case .creditLow: "Crédit faible sur {{line.name}}{{#credit}} : {{credit}}{{/credit}}{{event_note}}"
        case .stale: "Aucun relevé pour {{line.name}}{{event_note}}"
        case .renewed: "{{line.name}} : forfait renouvelé"
        case .renewalLate: "{{line.name}} : la recharge n'est pas arrivée"
        case .renewalConfirmed: "{{line.name}} : la recharge est arrivée"
        case .test: "Rappel de test de simwatch ({{channel}})"
        }
    }

    public var fullBodyFooter: String {
        """
        Ligne : {{line.name}} ({{line.id}})
        Émis le : {{created}}
        Identifiant de la notification : {{id}}
        --\u{20}
        simwatch : rappels pour cartes SIM et eSIM prépayées
        """
    }

    public func eventNote(_ event: String) -> String {
        switch event {
        case "repeat": " (rappel)"
        case "escalated": " (urgent)"
        default: ""
        }
    }

    /// The first letter in capitals: "Il vous reste …".
    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
