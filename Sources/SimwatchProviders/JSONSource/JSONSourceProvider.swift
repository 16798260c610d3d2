import FoundationEssentials
import SimwatchAdapterKit
import SimwatchCore
import SimwatchHTTP

/// Any JSON API: the URL template filled in, auth from a secret, and the figures picked out with JSON pointers.
struct JSONSourceProvider: UsageProvider {
    let settings: JSONSourceSettings
    let http: HTTPClientContext

    func read(_ request: ReadRequest) async throws -> Reading {
        var url = settings.url.replacing("{line}", with: request.line.id)
        if let iccid = settings.iccid { url = url.replacing("{iccid}", with: iccid) }
        var headers = [HTTPHeader("Accept", "application/json")]
        for (name, value) in settings.headers.sorted(by: { $0.key < $1.key }) {
            headers.append(HTTPHeader(name, value))
        }
        switch settings.auth {
        case .none:
            break
        case .bearer(let source):
            headers.append(HTTPHeader("Authorization", "Bearer \(try http.secrets.providerSecret(source))"))
        case .basic(let user, let source):
            let password = try http.secrets.providerSecret(source)
            headers.append(
                HTTPHeader("Authorization", HTTPClientContext.basicAuthorization(user: user, password: password))
            )
        case .header(let name, let source):
            headers.append(HTTPHeader(name, try http.secrets.providerSecret(source)))
        }
        let spec = HTTPRequestSpec(
            method: settings.method,
            url: url,
            headers: headers,
            body: settings.body.map { Array($0.utf8) },
            totalTimeout: settings.timeout.timeInterval
        )
        let response = try await http.send(spec)
        return try HTTPClientContext.decodeJSON(response, to: spec, what: HTTPClientContext.host(of: url)) {
            root throws(ProviderError) in try reading(root, request: request)
        }
    }

    /// Picks the figures out of the answer (the pure, checked decoding lives in `JSONSourceReading`).
    func reading(_ root: JSONNode, request: ReadRequest) throws(ProviderError) -> Reading {
        try JSONSourceReading.reading(root, settings: settings, request: request)
    }
}
