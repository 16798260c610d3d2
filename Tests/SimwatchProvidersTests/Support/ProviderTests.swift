import FoundationEssentials
import Glibc
import Logging
import SimwatchAdapterKit
import SimwatchCore
import SimwatchHTTP
import SimwatchProviders
import SimwatchStore
import Testing

@Suite struct ProviderTests {
    static let t0 = Date(timeIntervalSince1970: 1_795_132_800)
    static let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A private directory with a secret file of the given mode.
    static func secretFile(_ text: String, mode: mode_t) throws -> String {
        var template = Array("/tmp/simwatch-secret-XXXXXX".utf8CString)
        let dir = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        let path = dir + "/secret"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode)
        _ = text.withCString { write(fd, $0, strlen($0)) }
        close(fd)
        chmod(path, mode)
        return path
    }

    static func line(_ provider: any ProviderSettings, id: String = "l1") -> Line {
        Line(id: id, name: id, provider: provider, plan: PlanSettings(), rules: [], pollInterval: .hours(1))
    }

    static func request(_ line: Line, at now: Date = t0, period: PlanPeriod? = nil) -> ReadRequest {
        ReadRequest(line: line, period: period, now: now, attempt: 0)
    }

    @Test func secretFilesReadableByOthersAreRefused() throws {
        let reader = SecretResolver(environment: [:])
        let good = try Self.secretFile("s3cret\n", mode: 0o600)
        #expect(try reader.providerSecret(.file(good)) == "s3cret")
        let open = try Self.secretFile("s3cret", mode: 0o640)
        #expect {
            try reader.providerSecret(.file(open))
        } throws: { error in
            let e = error as? ProviderError
            return e?.code == .unauthorized && e?.message.contains("chmod 600") == true
                && !e!.message.contains("s3cret")
        }
        let credentials = SecretResolver(environment: [
            "CREDENTIALS_DIRECTORY": String(good.dropLast("/secret".count))
        ])
        #expect(try credentials.providerSecret(.credential("secret")) == "s3cret")
        #expect(throws: ProviderError.self) { try reader.providerSecret(.credential("x")) }
    }

    @Test func airaloTokenRefreshUnlimitedAndThrottle() async throws {
        let secret = try Self.secretFile("client-secret", mode: 0o600)
        let transport = FakeTransport { request, n throws(HTTPTransportError) in
            if request.url.hasSuffix("/v2/token") {
                let body = String(decoding: request.body ?? [], as: UTF8.self)
                #expect(body.contains("client_secret=client-secret") && body.contains("grant_type=client_credentials"))
                return FakeTransport.json(200, #"{"data": {"access_token": "tok\#(n)", "expires_in": 31536000}}"#)
            }
            // The first token is refused once, as after a revocation.
            if request.headers.contains(HTTPHeader("Authorization", "Bearer tok1")) {
                return FakeTransport.json(401, #"{"meta": {"message": "Unauthenticated"}}"#)
            }
            return FakeTransport.json(
                200,
                #"{"data": {"remaining": 0, "total": 0, "expired_at": "2026-12-20 10:00:00", "is_unlimited": true, "status": "ACTIVE"}}"#
            )
        }
        let factory = ProviderFactory(transport: transport, logger: Self.quiet)
        let settings = AiraloProviderSettings(
            iccid: "8944465400000000000",
            clientID: "id",
            secret: .file(secret),
            baseURL: "http://127.0.0.1:9",
            timeZone: try ZoneInfo(identifier: "Europe/Paris")
        )
        let line = Self.line(settings)
        let reading = try await factory.make(for: line).read(Self.request(line))
        #expect(reading.status == .unlimited)
        #expect(reading.remaining == nil && reading.total == nil)
        #expect(reading.expiresAt == Date(timeIntervalSince1970: 1_797_757_200))  // 2026-12-20T09:00:00Z
        #expect(transport.requests.map { $0.url.hasSuffix("token") } == [true, false, true, false])
        // Ten minutes later: the same ICCID is not asked again.
        let again = try await factory.make(for: line).read(Self.request(line, at: Self.t0 + 600))
        #expect(again.providerUpdatedAt == Self.t0)
        #expect(transport.requests.count == 4)
    }

    /// A transport failure names the server by host and port, never with the base URL's user information.
    @Test func transportFailuresNameTheHostWithoutCredentials() async throws {
        let secret = try Self.secretFile("x", mode: 0o600)
        let transport = FakeTransport { _, _ throws(HTTPTransportError) in
            throw HTTPTransportError(.connect, "refused")
        }
        let factory = ProviderFactory(transport: transport, logger: Self.quiet)
        let settings = AiraloProviderSettings(
            iccid: "8944465400000000000",
            clientID: "id",
            secret: .file(secret),
            baseURL: "https://ops:pw-s3cret@api.example.net:8443"
        )
        let line = Self.line(settings)
        await #expect {
            try await factory.make(for: line).read(Self.request(line))
        } throws: { error in
            let message = (error as? ProviderError)?.message ?? ""
            return message.contains("api.example.net:8443") && !message.contains("s3cret") && !message.contains("ops:")
        }
    }

    @Test func airaloAmountsAndRateLimit() async throws {
        let secret = try Self.secretFile("x", mode: 0o400)
        let transport = FakeTransport { request, n throws(HTTPTransportError) in
            if request.url.hasSuffix("/v2/token") {
                return FakeTransport.json(200, #"{"data": {"access_token": "t"}}"#)
            }
            if n == 2 {
                return FakeTransport.json(
                    200,
                    #"{"data": {"remaining": 767, "total": 2048, "expired_at": "2026-12-20 10:00:00", "is_unlimited": false, "status": "ACTIVE"}}"#
                )
            }
            return FakeTransport.json(429, "Too Many Attempts", headers: [HTTPHeader("Retry-After", "1800")])
        }
        let factory = ProviderFactory(transport: transport, logger: Self.quiet)
        let line = Self.line(
            AiraloProviderSettings(iccid: "8944465400000000000", clientID: "id", secret: .file(secret))
        )
        let reading = try await factory.make(for: line).read(Self.request(line))
        #expect(reading.remaining == ByteCount(bytes: 767 * 1_048_576))
        #expect(reading.used == ByteCount(bytes: (2048 - 767) * 1_048_576))
        await #expect {
            try await factory.make(for: line).read(Self.request(line, at: Self.t0 + 1300))
        } throws: { error in
            (error as? ProviderError)?.code == .rateLimited && (error as? ProviderError)?.retryAfter == .minutes(30)
        }
    }

    @Test func execScripts() async throws {
        let factory = ProviderFactory(logger: Self.quiet, environment: ["PATH": "/usr/bin:/bin"])
        func run(_ script: String, timeout: Int64 = 10) async throws -> Reading {
            let line = Self.line(
                ExecProviderSettings(command: ["/bin/sh", "-c", script], timeout: TimeSpan(seconds: timeout))
            )
            return try await factory.make(for: line).read(Self.request(line))
        }
        let ok = try await run(#"echo '{"remaining": "1.5 GB", "total": "5 GB"}'"#)
        #expect(ok.remaining == ByteCount(bytes: 1_500_000_000))
        #expect(ok.source == "exec")
        await #expect { try await run("echo hello") } throws: { ($0 as? ProviderError)?.code == .malformed }
        await #expect { try await run("exit 3") } throws: { ($0 as? ProviderError)?.message.contains("3") == true }
        let start = ContinuousClock.now
        await #expect { try await run("sleep 30 & sleep 30", timeout: 1) } throws: {
            ($0 as? ProviderError)?.code == .timeout
        }
        #expect(ContinuousClock.now - start < .seconds(10))
        // A helper that escapes the group (setsid) and keeps stdout open does not hold up the reading.
        let escaped = ContinuousClock.now
        let read = try await run(#"setsid sleep 20 & sleep 0.2; echo '{"remaining": "1 GB"}'"#)
        #expect(read.remaining == ByteCount(bytes: 1_000_000_000))
        #expect(ContinuousClock.now - escaped < .seconds(15))
    }

    @Test func countersOnAFixture() async throws {
        var template = Array("/tmp/simwatch-sys-XXXXXX".utf8CString)
        let root = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        func write(_ path: String, _ text: String) {
            let full = root + "/" + path
            var dir = ""
            for part in full.split(separator: "/").dropLast() {
                dir += "/" + part
                mkdir(dir, 0o755)
            }
            let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            _ = text.withCString { Glibc.write(fd, $0, strlen($0)) }
            close(fd)
        }
        func counters(_ rx: UInt64, _ tx: UInt64) {
            write("class/net/wwan0/statistics/rx_bytes", "\(rx)\n")
            write("class/net/wwan0/statistics/tx_bytes", "\(tx)\n")
        }
        write("boot_id", "b1\n")
        counters(1000, 1000)
        let store = try StateStore()
        let factory = ProviderFactory(store: store, logger: Self.quiet)
        let settings = CounterProviderSettings(interfaces: ["wwan0"], sysfsRoot: root, bootIDPath: root + "/boot_id")
        let line = Self.line(settings)
        let period = PlanPeriod(startedAt: Self.t0, quota: ByteCount(bytes: 10_000), expiresAt: Self.t0 + .days(30))
        func read(_ offset: Double) async throws -> Reading {
            try await factory.make(for: line).read(Self.request(line, at: Self.t0 + offset, period: period))
        }
        #expect(try await read(10).used == ByteCount(bytes: 0))
        counters(3000, 2000)
        #expect(try await read(20).remaining == ByteCount(bytes: 7000))
        // Reboot: counters restart, the usage so far is kept (it is in the database).
        write("boot_id", "b2\n")
        counters(500, 0)
        let rebooted = try await ProviderFactory(store: store, logger: Self.quiet).make(for: line).read(
            Self.request(line, at: Self.t0 + 30, period: period)
        )
        #expect(rebooted.used == ByteCount(bytes: 3500))
        #expect(try store.counters.state(line: "l1")?.bootID == "b2")
    }
}

extension ProviderTests {
    @Test func aScriptThatIgnoresItsSecretDoesNotHurtTheDaemon() async throws {
        let secret = try Self.secretFile(String(repeating: "s", count: 200_000), mode: 0o600)
        let factory = ProviderFactory(logger: Self.quiet, environment: ["PATH": "/usr/bin:/bin"])
        let line = Self.line(

            ExecProviderSettings(
                command: ["/bin/sh", "-c", #"echo '{"remaining": 5}'"#],
                secret: .file(secret)
            )

        )
        // The secret is larger than a pipe's buffer and the script never reads it: the write fails, quietly.
        let reading = try await factory.make(for: line).read(Self.request(line))
        #expect(reading.remaining == ByteCount(bytes: 5))
    }
}
