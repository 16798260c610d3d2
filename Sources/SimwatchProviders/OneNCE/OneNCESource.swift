import SimwatchConfig
import SimwatchCore

/// `type = "1nce"`: the 1NCE management API, for one ICCID, with the API user and its password (the secret).
enum OneNCESource: ProviderSource {
    static func decode(_ table: TableReader, line: ProviderDecoder.LineContext) -> OneNCEProviderSettings? {
        let iccid = table.iccid(required: true)
        let username = table.required("username", hint: "the 1NCE API user (its password is the secret)")
        let secret = table.secret(required: true, what: "1NCE API password")
        let baseURL = table.baseURL("base_url", default: OneNCEProviderSettings.defaultBaseURL)
        let timeout = table.timeout(default: TimeSpan(seconds: 30))
        table.finish(allowing: ["type", "iccid", "username", "secret_file", "credential", "base_url", "timeout"])
        guard let iccid, let username, let secret else { return nil }
        return OneNCEProviderSettings(
            iccid: iccid,
            username: username,
            secret: secret,
            baseURL: baseURL,
            timeout: timeout
        )
    }

    static func makeProvider(_ settings: OneNCEProviderSettings, context: ProviderContext) -> any UsageProvider {
        OneNCEProvider(settings: settings, http: context.http, tokens: context.tokens)
    }

    static func makeLister(_ settings: OneNCEProviderSettings, context: ProviderContext) -> (any SIMLister)? {
        OneNCEProvider(settings: settings, http: context.http, tokens: context.tokens)
    }
}
