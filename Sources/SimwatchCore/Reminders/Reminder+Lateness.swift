public import FoundationEssentials

extension Reminder {
    /// A reminder delivered this long after it was due (raised, or the end of quiet hours that held it) says when it
    /// was raised.
    public static let lateAfter: Double = 15 * 60
    /// A reminder whose reading is this old when delivered says how old.
    public static let staleReadingAfter: Double = 3600

    /// The reminder as delivered at `now`: when its reading is old, the summary ends "as of Tue 10:02 (last
    /// reading)"; when it goes out long after it was due (the network was down, the channel failing; not quiet hours,
    /// which hold it on purpose), a last detail line says "Raised Tue 1 Dec 10:02 CET, delivered 7h later.", counted
    /// from when it was raised. Added by the outbox as it hands the
    /// reminder over, so every channel and template says it; the outbox keeps the reminder as it was raised.
    public func asDelivered(at now: Date, zone: ZoneInfo) -> Reminder {
        var out = self
        // In the reader's language; English keeps its short forms ("Tue 10:02", "7h").
        let language = language ?? .en
        let book = language.phrasebook
        if let observed = observedAt, now.timeIntervalSince(observed) > Self.staleReadingAfter {
            let when =
                language == .en
                ? Self.shortTime(observed, now: now, zone: zone) : book.dateTime(zone.localDateTime(observed))
            out.summary += book.asOf(when)
        }
        if isLate(at: now) {
            let late = now.timeIntervalSince(createdAt)
            let raised =
                language == .en
                ? zone.localDateTime(createdAt).humanDescription : book.dateTime(zone.localDateTime(createdAt))
            let span =
                language == .en
                ? Self.roughSpan(late) : book.span(TimeSpan(seconds: Int64(min(max(late, 0), 1e12) / 60) * 60))
            out.details.append(book.raised(raised, deliveredLater: span))
        }
        return out
    }

    /// Whether delivery at `now` is more than `lateAfter` past when the reminder was due.
    public func isLate(at now: Date) -> Bool {
        now.timeIntervalSince(max(createdAt, notBefore)) > Self.lateAfter
    }

    /// "Tue 10:02" within the last six days, else "Tue 1 Dec 10:02".
    static func shortTime(_ date: Date, now: Date, zone: ZoneInfo) -> String {
        let local = zone.localDateTime(date)
        let time = "\(ZoneOffset.twoDigits(local.hour)):\(ZoneOffset.twoDigits(local.minute))"
        guard now.timeIntervalSince(date) < 6 * 86_400 else { return "\(local.dayDescription) \(time)" }
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return "\(weekdays[local.weekday - 1]) \(time)"
    }

    /// A span as people say it: "20m", "7h", "2d 3h".
    static func roughSpan(_ seconds: Double) -> String {
        let minutes = Int((seconds / 60).rounded())
        if minutes < 60 { return "\(minutes)m" }
        let hours = Int((seconds / 3600).rounded())
        if hours < 24 { return "\(hours)h" }
        let days = hours / 24
        return hours % 24 == 0 ? "\(days)d" : "\(days)d \(hours % 24)h"
    }
}
