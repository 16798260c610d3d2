import FoundationEssentials
import SimwatchCore
import SimwatchStore
import Testing

/// The renewal ledger in SQLite: entries kept as written, closed, checked and completed; a number already taken
/// never loses an entry.
@Suite struct RenewalTableTests {
    static let t0 = Date(timeIntervalSince1970: 1_796_385_600)

    static func entry(_ sequence: Int, origin: RenewalEntry.Origin = .recorded) -> RenewalEntry {
        RenewalEntry(
            lineID: "fr",
            sequence: sequence,
            origin: origin,
            renewedAt: t0 + Double(sequence) * 86400,
            recordedAt: t0 + Double(sequence) * 86400,
            offer: "Holiday 10 GB",
            data: ByteCount(bytes: 10_000_000_000),
            expiresAt: t0 + 14 * 86400,
            price: try! Money(parsing: "18,50 EUR"),
            order: "A-4411",
            receipt: Receipt(file: "0d02-facture.pdf", sha256: "0d02", bytes: 16, originalName: "facture.pdf"),
            note: "bought at the airport",
            check: .waiting(until: t0 + 7200)
        )
    }

    static func commit(_ store: StateStore, _ changes: [LedgerChange]) throws {
        var batch = StoreBatch()
        batch.ledger = changes
        try store.commit(batch)
    }

    @Test func entriesComeBackAsWrittenClosedAndChecked() throws {
        let store = try StateStore()
        try Self.commit(store, [.add(Self.entry(1))])
        try Self.commit(
            store,
            [
                .close(line: "fr", sequence: 1, used: ByteCount(bytes: 9_000_000_000), at: Self.t0 + 10 * 86400),
                .check(line: "fr", sequence: 1, .confirmed(at: Self.t0 + 1800, by: "airalo")),
                .add(Self.entry(2, origin: .detected)),
            ]
        )
        let entries = try store.renewals.entries(line: "fr")
        #expect(entries.map(\.id) == ["fr/1", "fr/2"])
        var expected = Self.entry(1)
        expected.usedBytes = ByteCount(bytes: 9_000_000_000)
        expected.endedAt = Self.t0 + 10 * 86400
        expected.check = .confirmed(at: Self.t0 + 1800, by: "airalo")
        #expect(entries[0] == expected)
        #expect(entries[1].origin == .detected)
        #expect(try store.renewals.entries(since: Self.t0 + 1.5 * 86400).map(\.id) == ["fr/2"])
        #expect(try store.renewals.highestSequences() == ["fr": 2])
    }

    @Test func aNumberAlreadyTakenTakesTheNextAndLosesNothing() throws {
        let store = try StateStore()
        try Self.commit(store, [.add(Self.entry(1)), .add(Self.entry(2))])
        try Self.commit(store, [.add(Self.entry(1, origin: .detected))])
        let entries = try store.renewals.entries(line: "fr")
        #expect(entries.count == 3)
        #expect(try store.renewals.entry(line: "fr", sequence: 3)?.origin == .detected)
    }

    @Test func completingAnEntryChangesOnlyWhatItSays() throws {
        let store = try StateStore()
        try Self.commit(store, [.add(Self.entry(1, origin: .detected))])
        var entry = try #require(try store.renewals.entry(line: "fr", sequence: 1))
        entry.price = try Money(parsing: "20 EUR")
        entry.order = "B-1"
        try store.renewals.complete(entry)
        let read = try #require(try store.renewals.entry(line: "fr", sequence: 1))
        #expect(
            read.price == (try Money(parsing: "20 EUR")) && read.order == "B-1" && read.note == "bought at the airport"
        )
        #expect(try store.renewals.entry(line: "fr", sequence: 9) == nil)
    }
}
