import FoundationEssentials
import SimwatchCore
import Testing

@testable import SimwatchChannels

@Suite struct EmailMessageTests {
    static func message(subject: String, body: String = "Plain body\n") -> EmailMessage {
        EmailMessage(
            from: MailAddress(name: "simwatch", address: "simwatch@example.com"),
            to: [MailAddress(name: "Ana Martín", address: "ana@example.org"), MailAddress(address: "b@example.net")],
            subject: subject,
            body: body,
            date: ZoneInfo.utc.localDateTime(Date(timeIntervalSince1970: 1_795_132_800)),
            notificationID: "fr.trip/+renewed/2/1/mail",
            severity: .warning
        )
    }

    /// Decodes RFC 2047 B-words the way a mail reader does (whitespace between encoded words is dropped).
    static func decodeWords(_ header: String) -> String {
        var bytes: [UInt8] = []
        var plain = ""
        for word in header.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?=") {
                let b64 = word.dropFirst(10).dropLast(2)
                bytes += Data(base64Encoded: String(b64)).map(Array.init) ?? []
            } else {
                plain += (plain.isEmpty ? "" : " ") + word
            }
        }
        return plain.isEmpty ? String(decoding: bytes, as: UTF8.self) : plain
    }

    static func header(_ name: String, in text: String) -> String? {
        let unfolded = text.replacing("\n ", with: " ")
        return unfolded.split(separator: "\n").first { $0.hasPrefix(name + ": ") }.map {
            String($0.dropFirst(name.count + 2))
        }
    }

    @Test(arguments: [
        "Forfait presque épuisé", "法国上网卡流量不足", "Plain ASCII subject", String(repeating: "très long ", count: 20),
    ])
    func subjectsRoundTrip(_ subject: String) throws {
        let text = Self.message(subject: subject).text
        let raw = try #require(Self.header("Subject", in: text))
        #expect(Self.decodeWords(raw) == subject.trimmingSpaces)
        for line in text.split(separator: "\n") where line.hasPrefix("Subject") || line.hasPrefix(" ") {
            #expect(line.count <= 78, "\(line)")
        }
    }

    @Test func controlCharactersCannotStartAHeader() {
        let text = Self.message(subject: "Plan\r\nBcc: evil@example.net\u{85}X-Evil: 1").text
        let headerBlock = text.split(separator: "\n\n", maxSplits: 1)[0]
        #expect(!headerBlock.split(separator: "\n").contains { $0.hasPrefix("Bcc") || $0.hasPrefix("X-Evil") })
        #expect(Self.header("Subject", in: text) == "Plan Bcc: evil@example.net X-Evil: 1")
        #expect(EmailMessage.clean("a\tb\u{2028}c\u{7F}d  e") == "a b c d e")
    }

    @Test func headersAndBody() {
        let text = Self.message(subject: "Hi", body: "Forfait épuisé = 0 MB\nsecond line\n").text
        #expect(Self.header("From", in: text) == "\"simwatch\" <simwatch@example.com>")
        #expect(Self.header("To", in: text) == "=?UTF-8?B?QW5hIE1hcnTDrW4=?= <ana@example.org>, b@example.net")
        #expect(Self.header("Date", in: text) == "Fri, 20 Nov 2026 00:00:00 +0000")
        #expect(Self.header("Message-ID", in: text) == "<fr=2Etrip.=2Brenewed.2.1.mail.simwatch@example.com>")
        #expect(Self.header("MIME-Version", in: text) == "1.0")
        #expect(Self.header("Content-Type", in: text) == "text/plain; charset=utf-8")
        #expect(Self.header("Content-Transfer-Encoding", in: text) == "quoted-printable")
        #expect(text.hasSuffix("\n\nForfait =C3=A9puis=C3=A9 =3D 0 MB\nsecond line\n"))
        let ascii = Self.message(subject: "Hi").text
        #expect(Self.header("Content-Transfer-Encoding", in: ascii) == "7bit")
    }

    @Test func quotedPrintableSoftBreaksLongLines() {
        let encoded = EmailMessage.quotedPrintable(String(repeating: "é", count: 40) + " ")
        let lines = encoded.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        #expect(encoded.hasSuffix("=20"))
    }
}
