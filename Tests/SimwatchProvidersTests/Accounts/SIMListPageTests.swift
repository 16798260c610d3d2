import SimwatchCore
import SimwatchProviders
import Testing

/// The SIM listings are hostile input: every page is checked, and a bad one fails the whole listing.
@Suite struct SIMListPageTests {
    func json(_ text: String) throws -> JSONNode { try JSONNode(parsing: Array(text.utf8)) }

    @Test func airaloPagesAndTheirEnd() throws {
        let page = try AiraloSIMList.page(
            json(
                #"{"data": [{"id": 1, "iccid": "8944465400000000017", "nickname": " Ana\u0007 "}, {"iccid": "8944465400000000025"}], "links": {"next": "https://x/v2/sims?page=2"}, "meta": {"last_page": 3}}"#
            )
        )
        #expect(
            page.sims == [
                ListedSIM(iccid: "8944465400000000017", name: "Ana"),
                ListedSIM(iccid: "8944465400000000025", name: nil),
            ]
        )
        #expect(page.lastPage == 3)
        #expect(page.hasNext)
        let last = try AiraloSIMList.page(json(#"{"data": [], "links": {"next": null}}"#))
        #expect(last.lastPage == nil && !last.hasNext)
    }

    @Test func airaloGarbageFailsTheListing() throws {
        for bad in [
            #"{"data": {"iccid": "8944465400000000017"}}"#,
            #"{"data": [{"iccid": "89444654"}]}"#,
            #"{"data": [{"iccid": 8944465400000000017}]}"#,
            #"{"data": [], "meta": {"last_page": 1e9}}"#,
            #"{"data": [], "meta": {"last_page": 2.5}}"#,
            #"{"data": [], "meta": {"last_page": -1}}"#,
        ] {
            #expect(throws: ProviderError.self, "\(bad)") { try AiraloSIMList.page(try json(bad)) }
        }
        let long = String(repeating: "é", count: 500)
        let page = try AiraloSIMList.page(
            json(#"{"data": [{"iccid": "8944465400000000017", "nickname": "\#(long)"}]}"#)
        )
        #expect(page.sims.first?.name?.count == SIMListPage.maximumNameLength)
    }

    @Test func onenceUsesTheTotalPagesHeader() throws {
        let body = try json(#"[{"iccid": "8988280666000000101", "label": "tracker"}]"#)
        let page = try OneNCESIMList.page(body, totalPages: "4")
        #expect(page.lastPage == 4)
        #expect(page.sims == [ListedSIM(iccid: "8988280666000000101", name: "tracker")])
        #expect(try OneNCESIMList.page(body, totalPages: nil).lastPage == nil)
        #expect(throws: ProviderError.self) { try OneNCESIMList.page(body, totalPages: "many") }
        #expect(throws: ProviderError.self) { try OneNCESIMList.page(body, totalPages: "100000") }
        #expect(throws: ProviderError.self) { try OneNCESIMList.page(try json(#"{"sims": []}"#), totalPages: "1") }
        let full = "[" + (0..<100).map { #"{"iccid": "89882806660000\#(padded($0))"}"# }.joined(separator: ",") + "]"
        #expect(throws: ProviderError.self, "a full page without a page count cannot be known complete") {
            try OneNCESIMList.page(try json(full), totalPages: nil)
        }
    }
}

private func padded(_ n: Int) -> String {
    let digits = "\(n)"
    return String(repeating: "0", count: max(0, 5 - digits.count)) + digits
}
