import Testing

@testable import SimwatchChannels

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        ("+33612345678", "+33612345678"),
        ("+33 6 12 34 56 78", "+33612345678"),
        (" +1-202-555-0100 ", "+12025550100"),
        ("+44.20.7946.0958", "+442079460958"),
        ("+6831234", "+6831234"),
        ("+123456789012345", "+123456789012345"),
    ])
    func accepted(_ text: String, _ e164: String) throws {
        #expect(try PhoneNumber(parsing: text).e164 == e164)
    }

    @Test(arguments: [
        "0612345678", "555", "+0612345678", "+33", "+1234567890123456", "+33 6 12 34 56 78 9 0 1 2 3 4", "+33-",
        "+33--612345678", "+33612345678x", "+33 (6) 12", "++33612345678", "", "+", "+336１2345678",
    ])
    func refused(_ text: String) {
        #expect(throws: (any Error).self, "\(text)") { try PhoneNumber(parsing: text) }
    }
}
