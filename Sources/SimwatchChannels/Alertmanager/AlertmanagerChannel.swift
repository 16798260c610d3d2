import FoundationEssentials
public import SimwatchCore
import SimwatchHTTP

/// Alerts for Alertmanager: each reminder of an alert is posted to every configured Alertmanager of the cluster
/// (`POST /api/v2/alerts`), at once; delivered when at least one accepts it (the peers share alerts by gossip).
/// When none does, the outcome is the most hopeful failure among them (a retry before a refusal), so the outbox
/// retries it as it retries a webhook. Notices that are no alert (a renewal) are delivered without a post.
public struct AlertmanagerChannel: NotificationChannel {
    let settings: AlertmanagerSettings
    let transport: any HTTPTransport
    let timeout: Double
    let clock: @Sendable () -> Date

    init(
        settings: AlertmanagerSettings,
        transport: any HTTPTransport,
        timeout: Double,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.settings = settings
        self.transport = transport
        self.timeout = timeout
        self.clock = clock
    }

    public func deliver(_ reminder: Reminder) async throws {
        let now = clock()
        guard let alert = AlertmanagerAlert(reminder, settings: settings, now: now) else { return }
        let requests = requests(for: alert)
        let transport = transport
        let failures = await withTaskGroup(of: DeliveryError?.self) { group in
            for request in requests {
                group.addTask {
                    do throws(DeliveryError) {
                        try await HTTPDelivery.send(request, through: transport, now: now)
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            var failures: [DeliveryError] = []
            for await failure in group {
                guard let failure else { continue }
                failures.append(failure)
            }
            return failures
        }
        if failures.count < requests.count { return }
        throw Self.outcome(of: failures, urls: settings.urls)
    }

    /// One POST per Alertmanager, each bounded by the channel's timeout.
    func requests(for alert: AlertmanagerAlert) -> [HTTPRequestSpec] {
        let body = alert.body()
        let headers = [
            HTTPHeader("Content-Type", "application/json"),
            HTTPHeader("User-Agent", "simwatch/\(SimwatchVersion.current)"),
        ]
        return settings.urls.map { base in
            let root = base.text.hasSuffix("/") ? String(base.text.dropLast()) : base.text
            return HTTPRequestSpec(
                method: "POST",
                url: root + "/api/v2/alerts",
                headers: headers,
                body: body,
                connectTimeout: settings.connectTimeout.timeInterval,
                totalTimeout: timeout,
                maxResponseBytes: 64 * 1024
            )
        }
    }

    /// Every Alertmanager failed: retried when any failure is worth retrying (the soonest `Retry-After`), else the
    /// refusal. A 410 from one peer is no reason to stop the channel, so `gone` counts as a refusal.
    static func outcome(of failures: [DeliveryError], urls: [EndpointURL]) -> DeliveryError {
        let detail = failures.map(\.detail).joined(separator: "; ")
        let prefix = urls.count > 1 ? "no Alertmanager accepted the alert: " : ""
        // No network to any of them is no failure of the channel: it waits for the network (offline).
        if !failures.isEmpty, failures.allSatisfy({ $0.code == .offline }) {
            return DeliveryError(.offline, prefix + detail)
        }
        let retryable = failures.filter { [.temporary, .offline, .timeout, .misconfigured].contains($0.code) }
        if !retryable.isEmpty {
            let wait = retryable.compactMap(\.retryAfter).min()
            let codes = Set(retryable.map(\.code))
            let code: DeliveryError.Code =
                codes.contains(.temporary) || codes.contains(.offline)
                ? .temporary : codes.contains(.timeout) ? .timeout : .misconfigured
            return DeliveryError(code, prefix + detail, retryAfter: wait)
        }
        return DeliveryError(.rejected, prefix + detail)
    }
}
