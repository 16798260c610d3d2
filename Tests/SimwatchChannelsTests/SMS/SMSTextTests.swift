import Testing

@testable import SimwatchChannels

/// A reminder's text within `max_parts` messages: shortened at a word, an ellipsis, the renewal link whole and last.
@Suite struct SMSTextTests {
    static let link = "https://boutique.orange.fr/recharge?offre=data&x=1"
    static let words =
        "Forfait Orange: 120 MB left of 5 GB (2%), at this pace it lasts 6h, plan expires Fri 4 Dec 10:00 CET, "
        + "data pace 450 MB/day over the last three days, use at most 20 MB/day to last until the plan expires"

    /// `text` (without its ellipsis) is where `original` ends a word.
    func endsAWordOf(_ original: String, _ text: Substring) -> Bool {
        guard original.hasPrefix(text) else { return false }
        let rest = original.dropFirst(text.count)
        return rest.isEmpty || rest.first!.isWhitespace || ",;:".contains(rest.first!)
    }

    @Test func shortTextIsSentAsIs() {
        let sms = SMSText(body: "Orange: 820 MB left", link: nil, maxParts: 1)
        #expect(sms.text == "Orange: 820 MB left")
        #expect(sms.encoding == .gsm7 && sms.parts == 1 && !sms.shortened)
    }

    @Test(arguments: [1, 2, 3])
    func longTextIsShortenedAtAWordWithTheLinkLast(_ maxParts: Int) throws {
        let body = Array(repeating: Self.words, count: 6).joined(separator: " ")
        let sms = SMSText(body: body, link: Self.link, maxParts: maxParts)
        #expect(sms.shortened && sms.parts == maxParts && sms.encoding == .gsm7)
        #expect(sms.text.hasSuffix("...\n" + Self.link))
        #expect(sms.text.ranges(of: Self.link).count == 1, "the link once")
        let kept = try #require(sms.text.split(separator: "\n").first).dropLast(3)
        #expect(endsAWordOf(body, kept), "\(kept)")
        // Nearly full: the next word would not have fitted.
        #expect(SMSEncoding.gsm7.length(sms.text)! > maxParts * 153 - 30)
    }

    @Test func theLinkMovesOutOfTheSummaryToTheEnd() {
        let sms = SMSText(
            body: "Orange: 120 MB left: renew now at \(Self.link)",
            extras: ["Renew at \(Self.link), in the Orange et moi app or dial #124*CODE#."],
            link: Self.link,
            maxParts: 3
        )
        #expect(
            sms.text
                == "Orange: 120 MB left: renew now\nRenew in the Orange et moi app or dial #124*CODE#.\n\(Self.link)"
        )
        #expect(!sms.shortened)
    }

    @Test func anExtraThatWasOnlyTheLinkIsDropped() {
        let sms = SMSText(
            body: "Orange: 1 GB left: renew now at \(Self.link)",
            extras: ["Renew at \(Self.link)."],
            link: Self.link,
            maxParts: 1
        )
        #expect(sms.text == "Orange: 1 GB left: renew now\n\(Self.link)" && !sms.shortened)
    }

    @Test func aLinkInsideAnotherWordIsLeftAlone() {
        let sms = SMSText(body: "see \(Self.link)/more and \(Self.link).", link: Self.link, maxParts: 3)
        #expect(sms.text == "see \(Self.link)/more and.\n\(Self.link)")
    }

    @Test func extrasOnlyWhenThereIsRoom() {
        let advice =
            "At your pace (450 MB/day) you need about 9 GB until Sun 20 Dec: the 10 GB pass covers it for 15 EUR."
        let roomy = SMSText(body: "Orange: 120 MB left", extras: [advice], link: Self.link, maxParts: 2)
        #expect(roomy.text == "Orange: 120 MB left\n\(advice)\n\(Self.link)" && !roomy.shortened)
        let tight = SMSText(body: "Orange: 120 MB left", extras: [advice], link: Self.link, maxParts: 1)
        #expect(tight.text == "Orange: 120 MB left\n\(Self.link)" && tight.shortened)
        // A shorter extra after one that did not fit still goes in.
        let second = SMSText(
            body: "Orange: 120 MB left",
            extras: [advice, "Dial #124#."],
            link: Self.link,
            maxParts: 1
        )
        #expect(second.text == "Orange: 120 MB left\nDial #124#.\n\(Self.link)")
    }

    @Test func exactlyOneMessageAndOneMore() {
        let fits = String(repeating: "abcd ", count: 31) + "abcd"  // 159 characters
        #expect(SMSText(body: fits + "e", link: nil, maxParts: 1).text == fits + "e")
        let over = SMSText(body: fits + "ef", link: nil, maxParts: 1)  // 161: shortened
        #expect(over.text == String(repeating: "abcd ", count: 30) + "abcd..." && over.parts == 1)
        let twoParts = SMSText(body: fits + "ef", link: nil, maxParts: 2)
        #expect(twoParts.text == fits + "ef" && twoParts.parts == 2)
    }

    @Test func ucs2BoundaryAt70() {
        let seventy = String(repeating: "дата ", count: 13) + "даты!"  // 70 UTF-16 units
        #expect(SMSText(body: seventy, link: nil, maxParts: 1).text == seventy)
        let sms = SMSText(body: seventy + "!", link: nil, maxParts: 1)
        #expect(sms.encoding == .ucs2 && sms.parts == 1 && sms.shortened)
        #expect(sms.text == String(repeating: "дата ", count: 12) + "дата…")
    }

    @Test func frenchTextKeepsItsAccentsAndAWholeLink() {
        let body =
            "Forfait Orange bientôt épuisé : il reste 120 Mo sur 5 Go, à ce rythme il dure encore six heures, "
            + "le forfait expire vendredi 4 décembre à 10 h ; rechargez dès maintenant pour ne pas être coupé."
        let sms = SMSText(body: body, link: Self.link, maxParts: 2)
        #expect(sms.encoding == .ucs2 && sms.parts == 2 && sms.shortened)
        #expect(sms.text.hasSuffix("…\n" + Self.link))
        let kept = sms.text.split(separator: "\n")[0].dropLast()
        #expect(endsAWordOf(body, kept), "\(kept)")
        // Without the two characters GSM lacks, the same text is GSM-7 and uses three dots.
        let gsm = SMSText(body: body.replacing("ô", with: "o").replacing("ê", with: "e"), link: Self.link, maxParts: 1)
        #expect(gsm.encoding == .gsm7 && gsm.text.hasSuffix("...\n" + Self.link))
    }

    /// Chinese has no spaces: there is no word end to cut at, so the text is cut at a character.
    @Test func chineseIsCutAtACharacter() {
        let body = String(repeating: "您的流量即将用完请尽快充值", count: 10)
        let sms = SMSText(body: body, link: Self.link, maxParts: 1)
        #expect(sms.encoding == .ucs2 && sms.parts == 1 && sms.shortened)
        let kept = sms.text.split(separator: "\n")[0].dropLast()
        #expect(body.hasPrefix(kept) && !kept.isEmpty)
        #expect(SMSEncoding.ucs2.length(sms.text) == 70)
    }

    @Test func emojiCountTwoAndAreNeverHalved() {
        // A run of emoji is one word: too long for the room, it goes whole.
        let sms = SMSText(body: "Orange ✈ " + String(repeating: "😀", count: 40), link: nil, maxParts: 1)
        #expect(sms.text == "Orange ✈…" && sms.parts == 1 && sms.shortened)
        // Nothing but that word: cut inside it, at whole emoji (34 of them and the ellipsis, 69 units).
        let only = SMSText(body: String(repeating: "😀", count: 40), link: nil, maxParts: 1)
        #expect(only.text == String(repeating: "😀", count: 34) + "…")
        #expect(SMSEncoding.ucs2.length(only.text) == 69)
    }

    @Test func neverMidWord() {
        let body = "Renouvellement indispensable: " + String(repeating: "supercalifragilistic ", count: 30)
        for parts in 1...3 {
            let sms = SMSText(body: body, link: nil, maxParts: parts)
            let kept = sms.text.dropLast(3)
            #expect(sms.text.hasSuffix("supercalifragilistic..."), "\(parts)")
            #expect(endsAWordOf(body, kept))
        }
    }

    @Test func aLinkTooLongForTheRoomIsLeftOutNotCut() {
        let long = "https://example.com/" + String(repeating: "a", count: 200)
        let sms = SMSText(body: "Orange: 120 MB left", link: long, maxParts: 1)
        #expect(sms.text == "Orange: 120 MB left" && sms.shortened)
        let roomy = SMSText(body: "Orange: 120 MB left", link: long, maxParts: 2)
        #expect(roomy.text == "Orange: 120 MB left\n" + long && roomy.parts == 2)
    }

    @Test func controlsAndSpacesAreTidied() {
        let sms = SMSText(body: "  Orange:\t120 MB\u{7}  left \r\n\n\nrenew\u{0}now  ", link: nil, maxParts: 1)
        #expect(sms.text == "Orange: 120 MB left\nrenew now")
    }

    @Test func maxPartsIsClamped() {
        let body = Array(repeating: Self.words, count: 20).joined(separator: " ")
        #expect(SMSText(body: body, link: nil, maxParts: 0).parts == 1)
        #expect(SMSText(body: body, link: nil, maxParts: 99).parts == 10)
    }
}
