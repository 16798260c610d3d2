public import SimwatchCore

/// A page of the Airalo Partner API's eSIM list, `GET /v2/sims?limit=N&page=P` ("Get eSIMs list" in Airalo's
/// Partner API documentation; the shape follows its Laravel-style pagination): `data` is an array of eSIMs, each
/// with `iccid` and an optional `nickname`; `meta.last_page` gives the number of pages and `links.next` is null on
/// the last one. Either ends the listing.
public enum AiraloSIMList {
    public static func page(_ root: JSONNode) throws(ProviderError) -> SIMListPage {
        let what = "Airalo eSIM list"
        guard case .array(let items)? = root.at(pointer: "/data") else {
            throw ProviderError(.malformed, "\(what): no `data` array in the answer")
        }
        guard items.count <= SIMListPage.pageSize * 10 else {
            throw ProviderError(.malformed, "\(what): \(items.count) entries on one page")
        }
        var sims: [ListedSIM] = []
        for item in items {
            sims.append(
                try SIMListPage.sim(iccid: item.at(pointer: "/iccid"), name: item.at(pointer: "/nickname"), what: what)
            )
        }
        let last = try SIMListPage.pageCount(root.at(pointer: "/meta/last_page")?.numberValue, what: what)
        let next = root.at(pointer: "/links/next")
        return SIMListPage(sims: sims, lastPage: last, hasNext: next.map { !$0.isNull } ?? false)
    }
}
