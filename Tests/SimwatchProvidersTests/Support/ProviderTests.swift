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
}
