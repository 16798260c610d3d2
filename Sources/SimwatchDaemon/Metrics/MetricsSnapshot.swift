import FoundationEssentials
import SimwatchCore

/// What the metrics show at one moment, gathered once (`MetricsService`) and rendered once for every scrape until
/// the next: a scrape never reads the database.
struct MetricsSnapshot: Sendable, Hashable {
    struct LineFigures: Sendable, Hashable {
        var id: String
        var remainingBytes: Int64?
        var quotaBytes: Int64?
        var expiresAt: Date?
        var lastSuccessAt: Date?
        var failures: Int
    }

    struct FiringAlert: Sendable, Hashable {
        var line: String
        var rule: String
        var severity: String
    }

    struct ChannelFigures: Sendable, Hashable {
        var name: String
        var pending: Int
        var deliveries: UInt64
        var failures: UInt64
        var durations: Histogram
    }

    var version: String
    var lines: [LineFigures]
    var firing: [FiringAlert]
    var channels: [ChannelFigures]
    /// False in the textfile's last words, when simwatchd stops.
    var up = true
    /// Transactions committed to the state database since the start.
    var transactions = 0

    /// The exposition text (format 0.0.4), families and samples in a fixed order.
    func render() -> String {
        var out = MetricsExposition()
        out.family("simwatch_build_info", .gauge, help: "simwatchd's version, as a label; the value is 1.")
        out.sample("simwatch_build_info", ["version": version], 1)
        out.family("simwatch_up", .gauge, help: "1 while simwatchd runs.")
        out.sample("simwatch_up", [:], up ? 1 : 0)
        out.family(
            "simwatch_state_transactions_total",
            .counter,
            help: "Transactions committed to the state database; the polls of a round share one."
        )
        out.sample("simwatch_state_transactions_total", [:], Double(transactions))

        out.family("simwatch_line_remaining_bytes", .gauge, help: "Data left on the line at its latest reading.")
        for line in lines {
            if let v = line.remainingBytes { out.sample(Self.remaining, ["line": line.id], Double(v)) }
        }
        out.family("simwatch_line_quota_bytes", .gauge, help: "Data the line's plan gives per period.")
        for line in lines { if let v = line.quotaBytes { out.sample(Self.quota, ["line": line.id], Double(v)) } }
        out.family("simwatch_line_expiry_timestamp_seconds", .gauge, help: "When the line's plan expires (Unix time).")
        for line in lines {
            if let v = line.expiresAt { out.sample(Self.expiry, ["line": line.id], v.timeIntervalSince1970.rounded()) }
        }
        out.family(
            "simwatch_line_last_success_timestamp_seconds",
            .gauge,
            help: "When the line was last polled successfully (Unix time)."
        )
        for line in lines {
            if let v = line.lastSuccessAt {
                out.sample(Self.lastSuccess, ["line": line.id], v.timeIntervalSince1970.rounded())
            }
        }
        out.family(
            "simwatch_line_poll_failures",
            .gauge,
            help: "Polls of the line failed in a row since its last success."
        )
        for line in lines { out.sample("simwatch_line_poll_failures", ["line": line.id], Double(line.failures)) }

        out.family("simwatch_alert_firing", .gauge, help: "1 for each alert firing, by line, rule and severity.")
        for alert in firing {
            out.sample(
                "simwatch_alert_firing",
                ["line": alert.line, "rule": alert.rule, "severity": alert.severity],
                1
            )
        }

        out.family("simwatch_channel_queue_length", .gauge, help: "Reminders waiting in the outbox for the channel.")
        for channel in channels {
            out.sample("simwatch_channel_queue_length", ["channel": channel.name], Double(channel.pending))
        }
        out.family("simwatch_channel_deliveries_total", .counter, help: "Delivery attempts that went through.")
        for channel in channels {
            out.sample("simwatch_channel_deliveries_total", ["channel": channel.name], Double(channel.deliveries))
        }
        out.family("simwatch_channel_delivery_failures_total", .counter, help: "Delivery attempts that failed.")
        for channel in channels {
            out.sample("simwatch_channel_delivery_failures_total", ["channel": channel.name], Double(channel.failures))
        }
        out.family(
            "simwatch_channel_delivery_duration_seconds",
            .histogram,
            help: "How long delivery attempts took, whatever their outcome."
        )
        for channel in channels {
            out.histogram("simwatch_channel_delivery_duration_seconds", [("channel", channel.name)], channel.durations)
        }
        return out.text
    }

    static let remaining = "simwatch_line_remaining_bytes"
    static let quota = "simwatch_line_quota_bytes"
    static let expiry = "simwatch_line_expiry_timestamp_seconds"
    static let lastSuccess = "simwatch_line_last_success_timestamp_seconds"
}
