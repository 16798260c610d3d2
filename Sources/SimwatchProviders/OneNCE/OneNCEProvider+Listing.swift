import FoundationEssentials
import SimwatchCore
import SimwatchHTTP

extension OneNCEProvider: SIMLister {
    /// Every SIM of the account, `GET /v1/sims?page=P&pageSize=100` page after page up to `X-Total-Pages`, with the
    /// account's token (the one its polls use).
    func listSIMs(now: Date) async throws(ProviderError) -> [ListedSIM] {
        try await SIMListPaging.all(what: "1NCE SIM list") { (page: Int) async throws(ProviderError) -> SIMListPage in
            let exchange = try await tokens.get(
                "\(settings.baseURL)/v1/sims?page=\(page)&pageSize=\(SIMListPage.pageSize)",
                key: tokenKey,
                now: now,
                timeout: settings.timeout.timeInterval,
                http: http,
                fetch: { () async throws(ProviderError) -> BearerTokens.Grant in try await requestToken() }
            )
            let pages = exchange.response.header("X-Total-Pages")
            return try HTTPClientContext.decodeJSON(exchange.response, to: exchange.request, what: "1NCE SIM list") {
                root throws(ProviderError) in try OneNCESIMList.page(root, totalPages: pages)
            }
        }
    }
}
