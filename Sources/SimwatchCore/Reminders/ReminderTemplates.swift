import FoundationEssentials
import SimwatchMustache

/// Compiled Mustache templates for the subject and body of each kind of reminder, with built-in English defaults.
/// Rendering is plain text: nothing is HTML-escaped. Variables are listed in docs/configuration.md.
public struct ReminderTemplates: Sendable {
    /// How much a built-in body says: everything (mail), or the summary and details (push), or the summary alone
    /// (desktop bubbles).
    public enum BodyStyle: Sendable {
        case full
        case brief
        case summary
    }

    private var subjects: [ReminderKind: MustacheTemplate] = [:]
    private var bodies: [ReminderKind: MustacheTemplate] = [:]

    /// Compiles the defaults with `overrides` on top. Fails on the first override that is not valid Mustache.
    public init(overrides: TemplateOverrides = TemplateOverrides(), style: BodyStyle) throws(TemplateError) {
        for kind in ReminderKind.allCases {
            let pair = overrides.byKind[kind]
            subjects[kind] = try Self.compile(
                pair?.subject ?? .init(Self.defaultSubject(kind), location: "built-in subject of \(kind.rawValue)")
            )
            bodies[kind] = try Self.compile(
                pair?.body ?? .init(Self.defaultBody(style), location: "built-in body")
            )
        }
    }

    /// Checks one template's syntax; the message says what is wrong and at which line and column of the template.
    public static func check(_ source: String) -> String? {
        do {
            _ = try MustacheTemplate(source, escaping: .none)
            return nil
        } catch {
            return error.description
        }
    }

    /// The subject (one line: line breaks become spaces) and the body of `reminder`. A template whose output passes
    /// the renderer's bound (MustacheLimits) falls back to the summary, and the body says why.
    public func render(_ reminder: Reminder, zone: ZoneInfo) -> (subject: String, body: String) {
        let variables = TemplateVariables.make(reminder, zone: zone)
        let subject = (try? subjects[reminder.kind]?.render(variables)) ?? reminder.summary
        let body: String
        do {
            body = try bodies[reminder.kind]?.render(variables) ?? reminder.summary
        } catch {
            body = reminder.summary + "\n\n(simwatch: the body template failed at \(error))"
        }
        let oneLine = subject.split(whereSeparator: \.isNewline).joined(separator: " ").trimming(" \t")
        return (oneLine.isEmpty ? reminder.summary : oneLine, Self.tidy(body))
    }

    /// Built-in subject of each kind.
    public static func defaultSubject(_ kind: ReminderKind) -> String {
        switch kind {
        case .lowData: "Low data on {{line.name}}{{#remaining}}: {{remaining}} left{{/remaining}}{{event_note}}"
        case .expiring:
            "{{#expired}}Plan expired{{/expired}}{{^expired}}Plan expires {{expires_in}}{{/expired}}: {{line.name}}"
                + "{{event_note}}"
        case .runsOut: "Data on {{line.name}} runs out {{#runs_out_in}}in {{runs_out_in}}{{/runs_out_in}}{{event_note}}"
        case .creditLow: "Low credit on {{line.name}}{{#credit}}: {{credit}}{{/credit}}{{event_note}}"
        case .stale: "No reading from {{line.name}}{{event_note}}"
        case .renewed: "{{line.name}} renewed"
        case .renewalLate: "Renewal of {{line.name}} has not arrived"
        case .renewalConfirmed: "Renewal of {{line.name}} arrived"
        case .test: "Test reminder from simwatch ({{channel}})"
        }
    }

    /// Built-in body of every kind, by style.
    public static func defaultBody(_ style: BodyStyle) -> String {
        switch style {
        case .summary: "{{summary}}"
        case .brief: "{{summary}}\n{{#details}}\n{{.}}\n{{/details}}"
        case .full:
            """
            {{summary}}

            {{#details}}
            {{.}}
            {{/details}}

            Line: {{line.name}} ({{line.id}})
            Raised: {{created}}
            Notification id: {{id}}
            --\u{20}
            simwatch: prepaid SIM and eSIM reminders
            """
        }
    }

    /// Plain text: nothing is HTML-escaped, `{{name}}` prints what `{{{name}}}` prints.
    private static func compile(_ text: TemplateOverrides.Text) throws(TemplateError) -> MustacheTemplate {
        do {
            return try MustacheTemplate(text.source, escaping: .none)
        } catch {
            throw TemplateError(location: text.location, message: error.description)
        }
    }

    /// At most one blank line in a row, no trailing blank lines.
    private static func tidy(_ text: String) -> String {
        var out: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let blank = line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
            if blank, out.last.map({ $0.isEmpty }) ?? true { continue }
            out.append(blank ? "" : line)
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n")
    }
}

/// A template that does not compile.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: String
    public var message: String

    public init(location: String, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "template at \(location) is not valid Mustache: \(message)" }
}
