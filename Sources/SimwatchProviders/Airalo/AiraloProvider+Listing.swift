import FoundationEssentials
import SimwatchCore

extension AiraloProvider: SIMLister {
    /// Every eSIM of the account, `GET /v2/sims?limit=100&page=P` page after page, with the account's token (the
    /// one its polls use).
    func listSIMs(now: Date) async throws(ProviderError) -> [ListedSIM] {
        try await SIMListPaging.all(what: "Airalo eSIM list") {
            (page: Int) async throws(ProviderError) -> SIMListPage in
            let exchange = try await tokens.get(
                "\(settings.baseURL)/v2/sims?limit=\(SIMListPage.pageSize)&page=\(page)",
                key: tokenKey,
                now: now,
                timeout: settings.timeout.timeInterval,
                http: http,
                fetch: { () async throws(ProviderError) -> BearerTokens.Grant in try await requestToken() }
            )
            return try HTTPClientContext.decodeJSON(exchange.response, to: exchange.request, what: "Airalo eSIM list") {
                root throws(ProviderError) in try AiraloSIMList.page(root)
            }
        }
    }
}
