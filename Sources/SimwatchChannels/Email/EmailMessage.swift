import FoundationEssentials
import SimwatchCore

/// An RFC 5322 message for one reminder: headers from trusted parts only, every text value stripped of control
/// characters and RFC 2047 encoded when it is not plain ASCII, and a UTF-8 body in quoted-printable. Lines end in
/// LF, as a local `sendmail` expects.
struct EmailMessage: Sendable, Hashable {
    var from: MailAddress
    var to: [MailAddress]
    var subject: String
    var body: String
    var date: LocalDateTime
    /// The reminder's stable id: the `Message-ID` is made from it, so a resend has the same one.
    var notificationID: String
    var severity: Severity
    /// The language the subject and body are written in (`Content-Language`).
    var language: Language = .en

    /// The whole message.
    var text: String {
        var headers: [String] = [
            fold("From: " + Self.mailbox(from)),
            fold("To: " + to.map(Self.mailbox).joined(separator: ", ")),
            fold("Subject: " + Self.encodeWords(Self.clean(subject))),
            "Date: " + Self.rfc5322(date),
            "Message-ID: " + Self.messageID(notificationID, domain: from.address),
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: " + (needsEncoding ? "quoted-printable" : "7bit"),
            "Content-Language: " + language.tag,
            "Auto-Submitted: auto-generated",
            fold("X-Simwatch-Notification-Id: " + Self.clean(notificationID)),
            "X-Simwatch-Severity: " + severity.rawValue,
        ]
        headers.append("")
        let lines = body.replacingLineEndings()
        let encoded = needsEncoding ? Self.quotedPrintable(lines) : lines
        return headers.joined(separator: "\n") + "\n" + encoded + (encoded.hasSuffix("\n") ? "" : "\n")
    }

    /// Non-ASCII text, or lines too long for 7bit.
    var needsEncoding: Bool {
        !body.utf8.allSatisfy { $0 < 0x80 } || body.split(separator: "\n").contains { $0.utf8.count > 900 }
    }

    /// Control characters (C0, DEL, C1, line and paragraph separators) become spaces; runs of spaces shrink to one.
    /// Text from a provider or a config can then never start a new header line.
    static func clean(_ text: String) -> String {
        var out = ""
        var lastSpace = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let control = v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
            if control || scalar == " " {
                if !lastSpace, !out.isEmpty { out.append(" ") }
                lastSpace = true
            } else {
                out.unicodeScalars.append(scalar)
                lastSpace = false
            }
        }
        while out.hasSuffix(" ") { out.removeLast() }
        return out
    }

    /// `name <address>`, the name quoted or RFC 2047 encoded as needed.
    static func mailbox(_ address: MailAddress) -> String {
        guard let raw = address.name.map(clean), !raw.isEmpty else { return address.address }
        let name: String
        if raw.unicodeScalars.allSatisfy({ $0.isASCII }) && !raw.contains("=?") {
            let escaped = raw.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
            name = "\"\(escaped)\""
        } else {
            name = encodeWords(raw)
        }
        return "\(name) <\(address.address)>"
    }

    /// RFC 2047 `=?UTF-8?B?...?=` words, each at most 75 characters and never splitting a character; plain ASCII
    /// without `=?` is left as it is.
    static func encodeWords(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.isASCII }) && !text.contains("=?") { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        // 39 bytes of UTF-8 make 52 base64 characters: a 64-character word, which fits after "Subject: " on one line.
        for character in text {
            let bytes = Array(character.utf8)
            if !chunk.isEmpty, chunk.count + bytes.count > 39 {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: " ")
    }

    /// Folds a header line at spaces so that lines stay within 78 characters where possible.
    func fold(_ line: String) -> String {
        guard line.count > 78 else { return line }
        var lines: [String] = []
        var current = ""
        for (index, word) in line.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            // Never break right after the header's name.
            if index > 1, current.count + 1 + word.count > 78 {
                lines.append(current)
                current = String(word)
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n ")
    }

    /// `<fr-holiday.low-data.1.2.mail.simwatch@example.com>`: the stable id with `/` as `.` and other characters
    /// outside `[A-Za-z0-9_-]` as `=XX`, at the sender's domain.
    static func messageID(_ id: String, domain address: String) -> String {
        var left = ""
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "/"): left.append(".")
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                left.append(Character(Unicode.Scalar(byte)))
            default: left += "=" + Self.hex(byte)
            }
        }
        let domain = address.split(separator: "@").last.map(String.init) ?? "localhost"
        return "<\(left).simwatch@\(domain)>"
    }

    /// "Fri, 04 Dec 2026 09:03:00 +0100"
    static func rfc5322(_ t: LocalDateTime) -> String {
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let offset = abs(t.offset.seconds) / 60
        let sign = t.offset.seconds < 0 ? "-" : "+"
        return "\(weekdays[t.weekday - 1]), \(pad(t.day)) \(months[t.month - 1]) \(t.year) "
            + "\(pad(t.hour)):\(pad(t.minute)):\(pad(t.second)) \(sign)\(pad(offset / 60))\(pad(offset % 60))"
    }

    /// Quoted-printable (RFC 2045) of UTF-8 text with LF line ends: lines of at most 76 characters, soft breaks.
    static func quotedPrintable(_ text: String) -> String {
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(line.utf8)
            var current = ""
            for (index, byte) in bytes.enumerated() {
                let last = index == bytes.count - 1
                let plain =
                    (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                    || ((byte == 32 || byte == 9) && !last)
                let piece = plain ? String(Character(Unicode.Scalar(byte))) : "=" + hex(byte)
                if current.count + piece.count > 75 {
                    out.append(current + "=")
                    current = ""
                }
                current += piece
            }
            out.append(current)
        }
        return out.joined(separator: "\n")
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension String {
    /// CRLF and lone CR as LF.
    func replacingLineEndings() -> String {
        replacing("\r\n", with: "\n").replacing("\r", with: "\n")
    }
}
