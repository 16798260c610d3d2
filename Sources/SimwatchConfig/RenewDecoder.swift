import SimwatchCore
import SimwatchTOML

/// Decodes `[line.renew]`: where and how to renew, checked so that every reminder can carry it as it is.
enum RenewDecoder {
    static func decode(_ table: TableReader) -> RenewalGuide {
        defer { table.finish(allowing: ["url", "app", "shop", "code", "support", "note", "confirm_within"]) }
        var guide = RenewalGuide()
        guide.url = table.parsed("url", RenewalGuide.Link.init(parsing:))
        if table.table["app"]?.table != nil, let app = table.subtable("app", context: "\(table.context) app") {
            guide.app = text(app, "name", limit: 80)
            guide.appLink = app.parsed("link", RenewalGuide.Link.init(parsing:))
            if !app.has("name") { app.error(nil, "missing `name`", hint: "e.g. app = { name = \"Orange et moi\" }") }
            app.finish(allowing: ["name", "link"])
        } else {
            guide.app = text(table, "app", limit: 80)
        }
        guide.shop = text(table, "shop", limit: 300)
        guide.code = table.parsed("code", RechargeCode.init(parsing:))
        guide.support = table.parsed("support", SupportContact.init(parsing:))
        guide.note = text(table, "note", limit: 500)
        return guide
    }

    /// `confirm_within`: how long the provider has to show a renewal recorded by hand, "0" or "off" for never
    /// checking; at most 7 days.
    static func confirmWithin(_ table: TableReader) -> TimeSpan? {
        guard let text = table.string("confirm_within") else { return nil }
        if text == "off" || text == "0" { return TimeSpan(seconds: 0) }
        guard let span = table.parsedText(text, key: "confirm_within", TimeSpan.init(parsing:)) else { return nil }
        guard span.seconds > 0, span.seconds <= 7 * 86_400 else {
            table.error(
                "confirm_within",
                "`confirm_within` must be between 1s and 7d",
                hint: "e.g. confirm_within = \"2h\", or \"off\""
            )
            return nil
        }
        return span
    }

    /// Free text for one line of a reminder (`OneLineText`): no control characters, at most `limit` characters.
    private static func text(_ table: TableReader, _ key: String, limit: Int) -> String? {
        guard let value = table.string(key) else { return nil }
        switch OneLineText.check(value, limit: limit) {
        case .success(let checked):
            return checked
        case .failure(.empty):
            table.error(key, "`\(key)` is empty", hint: "leave it out instead")
        case .failure(.controlCharacters):
            table.error(key, "`\(key)` contains line breaks or control characters", hint: "write it on one line")
        case .failure(.tooLong(let limit)):
            table.error(key, "`\(key)` is longer than \(limit) characters", hint: "shorten it; reminders carry it")
        }
        return nil
    }
}
