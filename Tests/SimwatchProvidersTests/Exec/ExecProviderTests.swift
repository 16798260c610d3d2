import FoundationEssentials
import SimwatchCore
import SimwatchProviders
import Testing

@Suite struct ExecProviderTests {
    @Test func execScripts() async throws {
        let factory = ProviderFactory(logger: ProviderTests.quiet, environment: ["PATH": "/usr/bin:/bin"])
        func run(_ script: String, timeout: Int64 = 10) async throws -> Reading {
            let line = ProviderTests.line(
                ExecProviderSettings(command: ["/bin/sh", "-c", script], timeout: TimeSpan(seconds: timeout))
            )
            return try await factory.make(for: line).read(ProviderTests.request(line))
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

    @Test func aScriptThatIgnoresItsSecretDoesNotHurtTheDaemon() async throws {
        let secret = try ProviderTests.secretFile(String(repeating: "s", count: 200_000), mode: 0o600)
        let factory = ProviderFactory(logger: ProviderTests.quiet, environment: ["PATH": "/usr/bin:/bin"])
        let line = ProviderTests.line(

            ExecProviderSettings(
                command: ["/bin/sh", "-c", #"echo '{"remaining": 5}'"#],
                secret: .file(secret)
            )

        )
        // The secret is larger than a pipe's buffer and the script never reads it: the write fails, quietly.
        let reading = try await factory.make(for: line).read(ProviderTests.request(line))
        #expect(reading.remaining == ByteCount(bytes: 5))
    }
}
