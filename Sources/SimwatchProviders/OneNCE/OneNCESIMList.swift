public import SimwatchCore

/// A page of the 1NCE management API's SIM list, `GET /v1/sims?page=P&pageSize=N` ("Get All SIMs"; `pageSize`
/// at most 100): the body is an array of SIMs, each with `iccid` and an optional `label`; the `X-Total-Pages`
/// header gives the number of pages. Without that header a short page is the last one, and a full one cannot be
/// known to be complete: the listing fails rather than guess.
public enum OneNCESIMList {
    public static func page(_ root: JSONNode, totalPages header: String?) throws(ProviderError) -> SIMListPage {
        let what = "1NCE SIM list"
        guard case .array(let items) = root else {
            throw ProviderError(.malformed, "\(what): the answer is not an array of SIMs")
        }
        guard items.count <= SIMListPage.pageSize else {
            throw ProviderError(.malformed, "\(what): \(items.count) SIMs on a page of \(SIMListPage.pageSize)")
        }
        var sims: [ListedSIM] = []
        for item in items {
            sims.append(
                try SIMListPage.sim(iccid: item.at(pointer: "/iccid"), name: item.at(pointer: "/label"), what: what)
            )
        }
        if let header {
            let value = header.count <= 8 ? Double(header.filter { $0 != " " }) : nil
            guard let value else { throw ProviderError(.malformed, "\(what): X-Total-Pages is not a number") }
            return SIMListPage(sims: sims, lastPage: try SIMListPage.pageCount(value, what: what), hasNext: false)
        }
        guard items.count < SIMListPage.pageSize else {
            throw ProviderError(.malformed, "\(what): a full page without X-Total-Pages")
        }
        return SIMListPage(sims: sims, lastPage: nil, hasNext: false)
    }
}
