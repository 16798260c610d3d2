import FoundationEssentials
import SimwatchChannels
import SimwatchConfig
import SimwatchCore
import SimwatchProviders
import Testing

@Suite struct ChannelConfigTests {
    static let env = ["HOME": "/home/ana", "TZ": "UTC"]

    static let line = """
        [[line]]
        id = "fr"
        name = "Forfait"
        channels = ["mail", "hook"]
        [line.plan]
        quota = "1GB"
        [line.provider]
        type = "demo"

        """

    static let channels = """
        [channels.mail]
        type = "email"
        to = ["me@example.com", "Ana Martín <ana@example.org>"]
        from = "simwatch <simwatch@example.com>"
        give_up_after = "2d"
        timeout = "20s"

        [channels.hook]
        type = "webhook"
        url = "https://hooks.example.com/simwatch"
        secret_file = "~/.config/simwatch/hook.secret"
        connect_timeout = "5s"

        [channels.phone]
        type = "ntfy"
        url = "http://127.0.0.1:8080/alerts"
        token_credential = "ntfy-token"
        tags = ["sim"]
        [channels.phone.priority]
        info = 2

        [channels.desk]
        type = "desktop"
        expire_after = "never"
        [channels.desk.urgency]
        warning = "critical"

        """

    func parse(_ text: String) throws(ConfigError) -> Config {
        try Config.parse(
            text: text,
            path: "/home/ana/config.toml",
            environment: Self.env,
            sources: ProviderCatalog.all,
            channels: ChannelCatalog.all
        )
    }

    func errors(_ text: String) -> [String] {
        do {
            _ = try parse(text)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func decodesEveryType() throws {
        let config = try parse(Self.channels + Self.line)
        #expect(config.channels.map(\.name) == ["desk", "hook", "mail", "phone"])
        #expect(config.lines[0].channels == ["journal", "mail", "hook"])
        let mail = try #require(config.channels.first { $0.name == "mail" })
        guard let email = mail.kind.as(EmailSettings.self) else {
            Issue.record("not email")
            return
        }
        #expect(email.to.map(\.description) == ["me@example.com", "Ana Martín <ana@example.org>"])
        #expect(email.from.address == "simwatch@example.com" && email.from.name == "simwatch")
        #expect(email.sendmail == "/usr/sbin/sendmail")
        #expect(mail.giveUpAfter == .days(2) && mail.attemptTimeout == TimeSpan(seconds: 20))
        #expect(mail.location == "config.toml:1")
        let hook = try #require(config.channels.first { $0.name == "hook" })
        guard let webhook = hook.kind.as(WebhookSettings.self) else {
            Issue.record("not webhook")
            return
        }
        #expect(webhook.secret == .file("~/.config/simwatch/hook.secret"))
        #expect(webhook.connectTimeout == TimeSpan(seconds: 5))
        let phone = try #require(config.channels.first { $0.name == "phone" })
        guard let ntfy = phone.kind.as(NtfySettings.self) else {
            Issue.record("not ntfy")
            return
        }
        #expect(ntfy.priorities == [.info: 2, .warning: 4, .critical: 5])
        #expect(ntfy.token == .credential("ntfy-token") && ntfy.tags == ["sim"])
        let desk = try #require(config.channels.first { $0.name == "desk" })
        guard let desktop = desk.kind.as(DesktopSettings.self) else {
            Issue.record("not desktop")
            return
        }
        #expect(desktop.urgency[.warning] == 2 && desktop.expireTimeout == 0)
    }

    @Test func unknownChannelSuggestsConfiguredOnes() {
        let text = Self.channels + Self.line.replacing("[\"mail\", \"hook\"]", with: "[\"mial\", \"sms\"]")
        let problems = errors(text)
        #expect(problems.contains { $0.hasPrefix("unknown channel `mial`") && $0.hasSuffix("did you mean `mail`?") })
        #expect(
            problems.contains {
                $0.hasPrefix("unknown channel `sms` in [[line]] 'fr' at config.toml:")
                    && $0.hasSuffix("configured channels: desk, hook, mail, phone")
            }
        )
    }

    @Test func plainHTTPOnlyToLoopback() {
        for (url, ok) in [
            ("http://127.0.0.1:8080/x", true), ("http://127.9.9.9/x", true), ("http://localhost/x", true),
            ("http://[::1]:9/x", true), ("https://example.com/x", true), ("http://example.com/x", false),
            ("http://10.0.0.1/x", false), ("http://127.0.0.1.example.com/x", false), ("ftp://h/x", false),
            ("https://user:pw@example.com/x", false), ("https:///x", false),
        ] {
            #expect(((try? EndpointURL(parsing: url)) != nil) == ok, "\(url)")
        }
        let problems = errors(
            """
            [channels.hook]
            type = "webhook"
            url = "http://hooks.example.com/x"
            """ + "\n" + Self.line.replacing("\"mail\", ", with: "")
        )
        #expect(
            problems == [
                "`url`: plain http is allowed only to this machine (127.0.0.0/8, ::1, localhost) in [channels.hook] "
                    + "at config.toml:3; use https://"
            ]
        )
    }

    @Test func mistakesAreReportedWithTheirLine() {
        let text = """
            [channels.journal]
            type = "email"

            [channels.mail]
            type = "emial"

            [channels.hook]
            type = "webhook"
            url = "https://example.com"
            secret_file = "relative/path"
            credential = "also"
            colour = "red"

            [channels.tpl]
            type = "desktop"
            [channels.tpl.templates.low_data]
            subject = "{{#line}}unclosed"
            """
        let problems = errors(text + "\n" + Self.line.replacing("\"mail\", \"hook\"", with: ""))
        #expect(
            problems.contains { $0.hasPrefix("`journal` is built in and always on in [channels] at config.toml:1") }
        )
        #expect(
            problems.contains { $0.contains("unknown channel type `emial`") && $0.hasSuffix("did you mean `email`?") }
        )
        #expect(
            problems.contains { $0.hasPrefix("set only one of `secret_file` and `credential`") && $0.contains(":11") }
        )
        #expect(problems.contains { $0.hasPrefix("`secret_file` must be an absolute path") && $0.contains(":10") })
        #expect(problems.contains { $0.hasPrefix("unknown key `colour`") && $0.contains(":12") })
        #expect(problems.contains { $0.hasPrefix("`subject` is not a valid Mustache template") && $0.contains(":17") })
    }

    @Test func emailRecipientsPerLine() throws {
        let channels = """
            [channels.customers]
            type = "email"
            from = "shop@example.com"

            """
        let withLine =
            channels + Self.line.replacing("[\"mail\", \"hook\"]", with: "[\"customers\"]")
            + "[line.email]\nto = \"Client <client@example.net>\"\n"
        let config = try parse(withLine)
        #expect(config.lines[0].email?.recipients(for: "customers")?.map(\.address) == ["client@example.net"])
        let without = channels + Self.line.replacing("[\"mail\", \"hook\"]", with: "[\"customers\"]")
        #expect(
            errors(without) == [
                "email channel `customers` has no `to`, and line 'fr' sets no [line.email] to in [channels.customers] "
                    + "at config.toml:1; add to = \"you@example.com\" here or in that line's [line.email]"
            ]
        )
    }

    @Test func mailAddresses() {
        #expect(MailAddress(parsing: "a@b.example")?.address == "a@b.example")
        #expect(MailAddress(parsing: "Ana Martín <ana@example.org>")?.name == "Ana Martín")
        for bad in ["a", "a@b", "a b@c.d", "x@y.z\r\nBcc: e@f.g", "a@b.c, d@e.f", "<a@b.c"] {
            #expect(MailAddress(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func templatesOverrideDefaultsPerKindAndChannel() throws {
        let text = """
            [templates.default]
            body = "Default body for {{line.name}}"
            [templates.low_data]
            subject = "Low: {{line.name}} <{{remaining}}>"

            [channels.desk]
            type = "desktop"
            [channels.desk.templates.low_data]
            body = "{{summary}}"

            """ + Self.line.replacing("[\"mail\", \"hook\"]", with: "[\"desk\"]")
        let config = try parse(text)
        let templates = try ReminderTemplates(overrides: config.channels[0].templates, style: .summary)
        let reminder = ReminderTemplatesTests.reminder(kind: .lowData)
        let low = templates.render(reminder, zone: .utc)
        #expect(low.subject == "Low: Forfait & co <820 MB>")
        #expect(low.body == reminder.summary)
        let stale = templates.render(ReminderTemplatesTests.reminder(kind: .stale), zone: .utc)
        #expect(stale.body == "Default body for Forfait & co")
        #expect(stale.subject == "No reading from Forfait & co")
    }
}
