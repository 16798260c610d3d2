import FoundationEssentials
import SimwatchMustache

/// Compiled Mustache templates for the subject and body of each kind of reminder in each language, with built-in
/// defaults from each language's `Phrasebook`.
/// Rendering is plain text: nothing is HTML-escaped. Variables are listed in docs/configuration.md.
public struct ReminderTemplates: Sendable {
    /// How much a built-in body says: everything (mail), or the summary and details (push), or the summary alone
    /// (desktop bubbles).
    public enum BodyStyle: Sendable {
        case full
        case brief
        case summary
    }

    private struct Key: Hashable {
        var kind: ReminderKind
        var language: Language
    }

    private var subjects: [Key: MustacheTemplate] = [:]
    private var bodies: [Key: MustacheTemplate] = [:]

    /// Compiles the defaults with `overrides` on top. Fails on the first override that is not valid Mustache.
    public init(overrides: TemplateOverrides = TemplateOverrides(), style: BodyStyle) throws(TemplateError) {
        for language in Language.allCases {
            let words = language.phrasebook
            for kind in ReminderKind.allCases {
                let key = Key(kind: kind, language: language)
                let pair = overrides.pair(kind, in: language)
                subjects[key] = try Self.compile(
                    pair.subject
                        ?? .init(words.subject(kind), location: "built-in \(language) subject of \(kind.rawValue)")
                )
                bodies[key] = try Self.compile(
                    pair.body ?? .init(words.body(style), location: "built-in \(language) body")
                )
            }
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
        let key = Key(kind: reminder.kind, language: reminder.readerLanguage)
        let subject = (try? subjects[key]?.render(variables)) ?? reminder.summary
        let body: String
        do {
            body = try bodies[key]?.render(variables) ?? reminder.summary
        } catch {
            body = reminder.summary + "\n\n(simwatch: the body template failed at \(error))"
        }
        let oneLine = subject.split(whereSeparator: \.isNewline).joined(separator: " ").trimming(" \t")
        return (oneLine.isEmpty ? reminder.summary : oneLine, Self.tidy(body))
    }

    /// Built-in English subject of each kind (`Phrasebook.subject(_:)` for the others).
    public static func defaultSubject(_ kind: ReminderKind, language: Language = .en) -> String {
        language.phrasebook.subject(kind)
    }

    /// Built-in English body of every kind, by style (`Phrasebook.body(_:)` for the others).
    public static func defaultBody(_ style: BodyStyle, language: Language = .en) -> String {
        language.phrasebook.body(style)
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
