import FoundationEssentials
import SimwatchConfig
import SimwatchCore
import SimwatchProviders
import Testing

@Suite struct JSONConfigTests: ProviderConfigSuite {
    @Test func json() throws {
        let json = try parse(
            #"""
            type = "json"
            url = "https://api.example.net/sims/{iccid}"
            iccid = "8933000000000000001"
            auth = "header"
            auth_header = "X-API-Key"
            secret_file = "/etc/simwatch/key"
            remaining = "/balance/left"
            unit = "MB"
            expires = "/balance/until"
            date_format = "unix"
            status = "/state"
            status_map = { LIVE = "active", SUSPENDED = "not_active" }
            """#
        )
        guard let j = json.provider.as(JSONSourceSettings.self) else {
            Issue.record("not json")
            return
        }
        #expect(j.unitBytes == 1e6)
        #expect(j.dateFormat == .unix)
        #expect(j.statusMap == ["live": .active, "suspended": .notActive])
        #expect(j.auth == .header(name: "X-API-Key", secret: .file("/etc/simwatch/key")))
        #expect(problems(#"type = "json"\#nurl = "https://x/{iccid}"\#nremaining = "data""#).count == 2)
    }
}
