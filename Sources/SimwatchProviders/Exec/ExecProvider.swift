import FoundationEssentials
import Logging
import SimwatchAdapterKit
import SimwatchCore

/// A user's script: run without a shell, with a timeout that kills its process group; it prints one JSON reading
/// on stdout (`ScriptReading`), its stderr goes to the log line by line, and a secret reaches it on stdin or as
/// the path in `$SIMWATCH_SECRET_FILE`, never on its command line.
struct ExecProvider: UsageProvider {
    let settings: ExecProviderSettings
    let secrets: SecretResolver
    let logger: Logger

    func read(_ request: ReadRequest) async throws -> Reading {
        var environment = [
            "PATH": secrets.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": secrets.environment["HOME"] ?? "/",
            "LANG": secrets.environment["LANG"] ?? "C.UTF-8",
            "SIMWATCH_LINE": request.line.id,
            "SIMWATCH_NOW": request.now.iso8601(in: .utc),
        ]
        if let period = request.period {
            environment["SIMWATCH_PERIOD_START"] = period.startedAt.iso8601(in: .utc)
            if let quota = period.quota { environment["SIMWATCH_QUOTA_BYTES"] = String(quota.bytes) }
            if let expires = period.expiresAt { environment["SIMWATCH_EXPIRES_AT"] = expires.iso8601(in: .utc) }
        }
        for (name, value) in settings.environment { environment[name] = value }
        var input: [UInt8]?
        // What the script prints is scrubbed of its secret: a failing script may well echo what it was given.
        var mask = SecretMask()
        if let source = settings.secret {
            let secret = try secrets.providerSecret(source)
            mask.add(secret)
            switch settings.secretDelivery {
            case .stdin:
                input = Array(secret.utf8) + [10]
            case .file:
                // Checked like any secret file (by the read above) before the script is told where it is.
                environment["SIMWATCH_SECRET_FILE"] = try secrets.providerSecretPath(source)
            }
        }
        do {
            return try await run(request, environment: environment, input: input, mask: mask)
        } catch let error as ProviderError {
            throw mask.scrub(error)
        }
    }

    private func run(
        _ request: ReadRequest,
        environment: [String: String],
        input: [UInt8]?,
        mask: SecretMask
    ) async throws -> Reading {

        let program = settings.command[0]
        let outcome: ProcessRunner.Outcome
        do {
            var run = ProcessRunner.Request(
                settings.command,
                environment: environment,
                input: input,
                timeout: settings.timeout.timeInterval
            )
            run.searchPath = true
            // Helpers it leaves in its group die with it; one that escaped the group cannot hold up the poll.
            run.killGroupOnExit = true
            outcome = try await ProcessRunner.run(run)
        } catch {
            throw ProviderError(.unavailable, error.description)
        }
        let metadata: Logger.Metadata = ["line": "\(request.line.id)"]
        for line in String(decoding: outcome.stderr, as: UTF8.self).split(whereSeparator: \.isNewline).prefix(20) {
            logger.notice("\(request.line.id): \(program): \(mask.scrub(String(line)))", metadata: metadata)
        }
        if outcome.timedOut {
            throw ProviderError(
                .timeout,
                "\(program) ran longer than \(settings.timeout); its process group was killed"
            )
        }
        if outcome.cancelled { throw CancellationError() }
        if outcome.outputAbandoned {
            logger.notice(
                "\(request.line.id): \(program) exited but something it started still holds its output; not waiting for it",
                metadata: metadata
            )
        }
        guard outcome.status == 0 else {
            let how = outcome.signal.map { "was killed by signal \($0)" } ?? "exited with \(outcome.status ?? -1)"
            throw ProviderError(.unavailable, "\(program) \(how)")
        }
        let parsed: ScriptReading
        do {
            parsed = try ScriptReading(parsing: outcome.stdout, zone: .utc)
        } catch {
            throw ProviderError(.malformed, "\(program) printed no valid reading: \(error)")
        }
        if let message = parsed.error { throw ProviderError(.unavailable, "\(program): \(message)") }
        var reading = Reading(
            lineID: request.line.id,
            observedAt: request.now,
            providerUpdatedAt: parsed.updatedAt,
            remaining: parsed.remaining,
            used: parsed.used,
            total: parsed.total,
            credit: parsed.credit,
            expiresAt: parsed.expiresAt,
            status: parsed.status ?? .active,
            source: "exec"
        )
        if reading.status == .active, let expires = reading.expiresAt, expires <= request.now {
            reading.status = .expired
        }
        return reading
    }
}
