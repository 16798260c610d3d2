import SimwatchConfig
import SimwatchCore

/// `type = "airalo"`: the Airalo Partner API, for one ICCID, with a client id and its secret.
enum AiraloSource: ProviderSource {
    static func decode(_ table: TableReader, line: ProviderDecoder.LineContext) -> AiraloProviderSettings? {
        let iccid = table.iccid(required: true)
        let clientID = table.required("client_id", hint: "the client id of your Airalo Partner API credentials")
        let secret = table.secret(required: true, what: "Airalo client secret")
        let baseURL = table.baseURL("base_url", default: AiraloProviderSettings.defaultBaseURL)
        let zone = table.zone("time_zone", default: .utc)
        let timeout = table.timeout(default: TimeSpan(seconds: 30))
        table.finish(allowing: [
            "type", "iccid", "client_id", "secret_file", "credential", "base_url", "time_zone", "timeout",
        ])
        guard let iccid, let clientID, let secret else { return nil }
        return AiraloProviderSettings(
            iccid: iccid,
            clientID: clientID,
            secret: secret,
            baseURL: baseURL,
            timeZone: zone,
            timeout: timeout
        )
    }

    static func makeProvider(_ settings: AiraloProviderSettings, context: ProviderContext) -> any UsageProvider {
        AiraloProvider(settings: settings, http: context.http, tokens: context.tokens, throttle: context.throttle)
    }

    static func makeLister(_ settings: AiraloProviderSettings, context: ProviderContext) -> (any SIMLister)? {
        AiraloProvider(settings: settings, http: context.http, tokens: context.tokens, throttle: context.throttle)
    }
}
