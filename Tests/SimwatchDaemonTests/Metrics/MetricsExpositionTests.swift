import FoundationEssentials
import Testing

@testable import SimwatchDaemon

@Suite struct MetricsExpositionTests {
    /// Gathering the figures of a large fleet takes long: the next gathering waits ten times as long (a tenth of a
    /// core at most), never less than a second nor more than a minute.
    @Test func refreshesSpaceOutWithTheirCost() {
        #expect(MetricsService.pause(after: 0.002) == 1)
        #expect(MetricsService.pause(after: 0.5) == 5)
        #expect(MetricsService.pause(after: 30) == 60)
    }

    @Test func labelValuesAreEscaped() {
        #expect(MetricsExposition.escapeLabel(#"a\b"c"#) == #"a\\b\"c"#)
        #expect(MetricsExposition.escapeLabel("two\nlines") == #"two\nlines"#)
        #expect(MetricsExposition.escapeLabel("Orange Holiday ✈︎") == "Orange Holiday ✈︎")
        #expect(MetricsExposition.escapeHelp("a\\b\nc \"q\"") == #"a\\b\nc "q""#)
        var out = MetricsExposition()
        out.sample("m", ["line": "x\"} 1\nfake 2"], 3)
        #expect(out.text == "m{line=\"x\\\"} 1\\nfake 2\"} 3\n", "a hostile value stays one sample")
    }

    @Test func valuesAreWrittenAsPrometheusReadsThem() {
        #expect(MetricsExposition.format(3) == "3")
        #expect(MetricsExposition.format(1_796_385_600) == "1796385600")
        #expect(MetricsExposition.format(0.25) == "0.25")
        #expect(MetricsExposition.format(.infinity) == "+Inf")
        #expect(MetricsExposition.format(-.infinity) == "-Inf")
        #expect(MetricsExposition.format(.nan) == "NaN")
    }

    @Test func histogramBucketsAreCumulative() {
        var histogram = Histogram(bounds: [0.1, 1, 10])
        for value in [0.05, 0.1, 0.5, 3, 99, .nan] { histogram.observe(value) }
        var out = MetricsExposition()
        out.histogram("d_seconds", [("channel", "am")], histogram)
        #expect(
            out.text == """
                d_seconds_bucket{channel="am",le="0.1"} 2
                d_seconds_bucket{channel="am",le="1"} 3
                d_seconds_bucket{channel="am",le="10"} 4
                d_seconds_bucket{channel="am",le="+Inf"} 5
                d_seconds_sum{channel="am"} 102.65
                d_seconds_count{channel="am"} 5

                """
        )
    }

    @Test func aSnapshotRendersToTheGoldenText() {
        var durations = Histogram(bounds: [0.5, 5])
        durations.observe(0.25)
        durations.observe(2)
        let snapshot = MetricsSnapshot(
            version: "1.2.3",
            lines: [
                .init(
                    id: "fr",
                    remainingBytes: 1_500_000_000,
                    quotaBytes: 10_000_000_000,
                    expiresAt: Date(timeIntervalSince1970: 1_796_385_600),
                    lastSuccessAt: Date(timeIntervalSince1970: 1_796_380_000.4),
                    failures: 0
                ),
                .init(id: "new", remainingBytes: nil, quotaBytes: nil, expiresAt: nil, lastSuccessAt: nil, failures: 2),
            ],
            firing: [.init(line: "fr", rule: "low", severity: "warning")],
            channels: [.init(name: "am", pending: 1, deliveries: 4, failures: 1, durations: durations)]
        )
        #expect(
            snapshot.render() == """
                # HELP simwatch_build_info simwatchd's version, as a label; the value is 1.
                # TYPE simwatch_build_info gauge
                simwatch_build_info{version="1.2.3"} 1
                # HELP simwatch_up 1 while simwatchd runs.
                # TYPE simwatch_up gauge
                simwatch_up 1
                # HELP simwatch_state_transactions_total Transactions committed to the state database; the polls of a round share one.
                # TYPE simwatch_state_transactions_total counter
                simwatch_state_transactions_total 0
                # HELP simwatch_line_remaining_bytes Data left on the line at its latest reading.
                # TYPE simwatch_line_remaining_bytes gauge
                simwatch_line_remaining_bytes{line="fr"} 1500000000
                # HELP simwatch_line_quota_bytes Data the line's plan gives per period.
                # TYPE simwatch_line_quota_bytes gauge
                simwatch_line_quota_bytes{line="fr"} 10000000000
                # HELP simwatch_line_expiry_timestamp_seconds When the line's plan expires (Unix time).
                # TYPE simwatch_line_expiry_timestamp_seconds gauge
                simwatch_line_expiry_timestamp_seconds{line="fr"} 1796385600
                # HELP simwatch_line_last_success_timestamp_seconds When the line was last polled successfully (Unix time).
                # TYPE simwatch_line_last_success_timestamp_seconds gauge
                simwatch_line_last_success_timestamp_seconds{line="fr"} 1796380000
                # HELP simwatch_line_poll_failures Polls of the line failed in a row since its last success.
                # TYPE simwatch_line_poll_failures gauge
                simwatch_line_poll_failures{line="fr"} 0
                simwatch_line_poll_failures{line="new"} 2
                # HELP simwatch_alert_firing 1 for each alert firing, by line, rule and severity.
                # TYPE simwatch_alert_firing gauge
                simwatch_alert_firing{line="fr",rule="low",severity="warning"} 1
                # HELP simwatch_channel_queue_length Reminders waiting in the outbox for the channel.
                # TYPE simwatch_channel_queue_length gauge
                simwatch_channel_queue_length{channel="am"} 1
                # HELP simwatch_channel_deliveries_total Delivery attempts that went through.
                # TYPE simwatch_channel_deliveries_total counter
                simwatch_channel_deliveries_total{channel="am"} 4
                # HELP simwatch_channel_delivery_failures_total Delivery attempts that failed.
                # TYPE simwatch_channel_delivery_failures_total counter
                simwatch_channel_delivery_failures_total{channel="am"} 1
                # HELP simwatch_channel_delivery_duration_seconds How long delivery attempts took, whatever their outcome.
                # TYPE simwatch_channel_delivery_duration_seconds histogram
                simwatch_channel_delivery_duration_seconds_bucket{channel="am",le="0.5"} 1
                simwatch_channel_delivery_duration_seconds_bucket{channel="am",le="5"} 2
                simwatch_channel_delivery_duration_seconds_bucket{channel="am",le="+Inf"} 2
                simwatch_channel_delivery_duration_seconds_sum{channel="am"} 2.25
                simwatch_channel_delivery_duration_seconds_count{channel="am"} 2

                """
        )
    }

    @Test func requestsGetTheirAnswers() {
        func status(_ request: String) -> String {
            let head = MetricsRequest.head(of: Array(request.utf8))
            guard let head else { return "incomplete" }
            let text = String(decoding: MetricsRequest.answer(head, page: Array("m 1\n".utf8)), as: UTF8.self)
            return String(text.prefix { $0 != "\r\n" })
        }
        #expect(status("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n") == "HTTP/1.1 200 OK")
        #expect(status("GET /metrics?x=1 HTTP/1.0\r\n\r\n") == "HTTP/1.1 200 OK")
        #expect(status("HEAD /metrics HTTP/1.1\r\n\r\n") == "HTTP/1.1 200 OK")
        #expect(status("POST /metrics HTTP/1.1\r\n\r\n") == "HTTP/1.1 405 Method Not Allowed")
        #expect(status("GET / HTTP/1.1\r\n\r\n") == "HTTP/1.1 404 Not Found")
        #expect(status("GET /metrics\r\n\r\n") == "HTTP/1.1 400 Bad Request")
        #expect(status("GET /metrics HTTP/1.1\r\n") == "incomplete")
        let whole = MetricsRequest.answer(
            MetricsRequest.head(of: Array("GET /metrics HTTP/1.1\r\n\r\n".utf8))!,
            page: Array("m 1\n".utf8)
        )
        let text = String(decoding: whole, as: UTF8.self)
        #expect(text.contains("Content-Type: text/plain; version=0.0.4; charset=utf-8\r\n"))
        #expect(text.hasSuffix("Content-Length: 4\r\nCache-Control: no-store\r\nConnection: close\r\n\r\nm 1\n"))
    }
}
