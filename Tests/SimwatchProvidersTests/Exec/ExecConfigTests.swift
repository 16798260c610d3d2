import FoundationEssentials
import SimwatchConfig
import SimwatchCore
import SimwatchProviders
import Testing

@Suite struct ExecConfigTests: ProviderConfigSuite {
    @Test func exec() throws {
        let exec = try parse(
            #"type = "exec"\#ncommand = ["/usr/local/bin/plan", "--json"]\#nsecret_file = "/k"\#nsecret_via = "file""#
        )
        guard let e = exec.provider.as(ExecProviderSettings.self) else {
            Issue.record("not exec")
            return
        }
        #expect(e.command == ["/usr/local/bin/plan", "--json"])
        #expect(e.secretDelivery == .file)
        #expect(problems(#"type = "exec"\#ncommand = "plan --json""#).first?.contains("runs without a shell") == true)
    }
}
