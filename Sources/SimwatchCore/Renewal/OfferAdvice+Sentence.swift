extension OfferAdvice {
    /// One sentence for reminders, in English: "At your pace (590 MB/day) you need about 9.4 GB until Sun 20 Dec:
    /// Orange Holiday 10 GB, 20 EUR, covers it (2.00 EUR/GB)." Nil without a need or an offer that covers it.
    /// Other languages: `Phrasebook.advice(_:zone:)`.
    public func sentence(zone: ZoneInfo, language: Language = .en) -> String? {
        language.phrasebook.advice(self, zone: zone)
    }
}
