import SimwatchCore
import Testing

/// Discovery's add/retire decision, listing by listing.
@Suite struct SIMDiscoveryTests {
    let a = "8944465400000000017"
    let b = "8944465400000000025"
    let c = "8944465400000000033"

    @Test func newSIMsAreAddedSortedAndDuplicatesCountOnce() {
        let out = SIMDiscovery.apply(
            [ListedSIM(iccid: b, name: "Ben"), ListedSIM(iccid: a, name: nil), ListedSIM(iccid: b, name: "again")],
            to: []
        )
        #expect(out.added.map(\.iccid) == [a, b])
        #expect(out.kept == [DiscoveredSIM(iccid: a, name: nil), DiscoveredSIM(iccid: b, name: "Ben")])
        #expect(out.retired.isEmpty)
    }

    @Test func aSIMRetiresOnlyAfterTwoListingsWithoutIt() {
        var known = SIMDiscovery.apply([ListedSIM(iccid: a, name: "A"), ListedSIM(iccid: b, name: "B")], to: []).kept
        var out = SIMDiscovery.apply([ListedSIM(iccid: a, name: "A")], to: known)
        #expect(out.retired.isEmpty)
        #expect(out.kept.first { $0.iccid == b }?.missing == 1)
        known = out.kept
        // Seen again before the second listing: it stays and its count starts over.
        out = SIMDiscovery.apply([ListedSIM(iccid: a, name: "A"), ListedSIM(iccid: b, name: "B2")], to: known)
        #expect(out.kept.first { $0.iccid == b } == DiscoveredSIM(iccid: b, name: "B2", missing: 0))
        known = out.kept
        out = SIMDiscovery.apply([ListedSIM(iccid: a, name: nil)], to: known)
        #expect(out.retired.isEmpty)
        out = SIMDiscovery.apply([ListedSIM(iccid: a, name: nil), ListedSIM(iccid: c, name: "C")], to: out.kept)
        #expect(out.retired.map(\.iccid) == [b])
        #expect(out.added.map(\.iccid) == [c])
        #expect(out.kept.map(\.iccid) == [a, c])
        // A listing without a name keeps the one known.
        #expect(out.kept.first?.name == "A")
    }

    @Test func handWrittenLinesAreNotDiscoveredAgain() {
        let out = SIMDiscovery.apply(
            [ListedSIM(iccid: a, name: nil), ListedSIM(iccid: b, name: nil)],
            to: [],
            configured: [a]
        )
        #expect(out.kept.map(\.iccid) == [b])
        #expect(SIMDiscovery.lineID(account: "fleet", iccid: b) == "fleet-\(b)")
    }
}
