import FoundationEssentials
import SimwatchCore

/// The JSON body of a webhook, version 1 (docs/webhooks.md). Keys are stable; new ones may be added within a
/// version, and a change that breaks receivers bumps `version`. Values that are unknown are left out.
struct WebhookPayload: Encodable, Sendable {
    struct LineInfo: Encodable, Sendable {
        var id: String
        var name: String
    }

    struct RuleInfo: Encodable, Sendable {
        var id: String
        var kind: String?
        var stage: Int?
    }

    struct ReadingInfo: Encodable, Sendable {
        var remainingBytes: Int64?
        var totalBytes: Int64?
        var expiresAt: String?
        var credit: String?
        var observedAt: String?
        var source: String?
    }

    struct ForecastInfo: Encodable, Sendable {
        var paceBytesPerDay: Int64?
        var runsOutAt: String?
        var dailyAllowanceBytes: Int64?
    }

    struct Content: Encodable, Sendable {
        var id: String
        var kind: String
        var event: String
        var severity: String
        var line: LineInfo
        var rule: RuleInfo?
        var episode: Int
        var occurrence: Int
        var reading: ReadingInfo
        var forecast: ForecastInfo
        var createdAt: String
        var timeZone: String
        var summary: String
        var details: [String]
        var title: String
        var text: String
        /// The language `summary`, `details`, `title`, `text` and `renew.sentence` are written in: "en", "fr", "zh".
        var language: String
        /// `[line.renew]` as set (url, app, app_link, shop, code, support, note) and its sentence; absent when unset.
        var renew: [String: String]?
    }

    var version = 1
    /// "reminder.low_data", "reminder.test", ...
    var type: String
    /// When this attempt was made, RFC 3339 with the zone's offset.
    var timestamp: String
    var data: Content

    init(_ r: Reminder, zone: ZoneInfo, title: String, text: String, now: Date) {
        type = "reminder." + r.kind.rawValue
        timestamp = now.iso8601(in: zone)
        data = Content(
            id: r.id,
            kind: r.kind.rawValue,
            event: r.event,
            severity: r.severity.rawValue,
            line: LineInfo(id: r.lineID, name: r.lineName),
            rule: r.ruleID.map { RuleInfo(id: $0, kind: r.ruleKind, stage: r.stage) },
            episode: r.episode,
            occurrence: r.occurrence,
            reading: ReadingInfo(
                remainingBytes: r.remaining?.bytes,
                totalBytes: r.total?.bytes,
                expiresAt: r.expiresAt?.iso8601(in: zone),
                credit: r.credit?.description,
                observedAt: r.observedAt?.iso8601(in: zone),
                source: r.source
            ),
            forecast: ForecastInfo(
                paceBytesPerDay: r.pacePerDay?.bytes,
                runsOutAt: r.runsOutAt?.iso8601(in: zone),
                dailyAllowanceBytes: r.dailyAllowance?.bytes
            ),
            createdAt: r.createdAt.iso8601(in: zone),
            timeZone: zone.identifier,
            summary: r.summary,
            details: r.details,
            title: title,
            text: text,
            language: r.readerLanguage.rawValue,
            renew: r.renew.map { guide in
                Dictionary(uniqueKeysWithValues: guide.fields + [("sentence", guide.sentence(in: r.readerLanguage))])
            }
        )
    }

    /// Compact JSON with sorted, snake_case keys.
    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(self)) ?? Data())
    }
}
