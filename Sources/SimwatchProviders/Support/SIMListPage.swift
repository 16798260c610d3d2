public import SimwatchCore

/// One page of an account's SIM list, read and checked: a listing is hostile input, so every ICCID must be one,
/// names are trimmed of control characters and bounded, page numbers are whole and within `maximumPages`.
public struct SIMListPage: Sendable, Hashable {
    public var sims: [ListedSIM]
    /// The number of pages the answer says there are, when it says.
    public var lastPage: Int?
    /// Whether the answer links a next page (when it gives no page count).
    public var hasNext: Bool

    public init(sims: [ListedSIM], lastPage: Int?, hasNext: Bool) {
        self.sims = sims
        self.lastPage = lastPage
        self.hasNext = hasNext
    }

    /// SIMs asked for per page.
    public static let pageSize = 100
    /// Pages read at most in one listing (100,000 SIMs); an answer claiming more is refused whole.
    public static let maximumPages = 1000
    /// Characters of a nickname or label kept.
    public static let maximumNameLength = 100

    /// A listed SIM from an entry's ICCID and name; an ICCID that is not 18 to 22 digits fails the listing.
    static func sim(iccid: JSONNode?, name: JSONNode?, what: String) throws(ProviderError) -> ListedSIM {
        guard let text = iccid?.stringValue,
            (18...22).contains(text.count), text.utf8.allSatisfy({ (0x30...0x39).contains($0) })
        else {
            throw ProviderError(.malformed, "\(what): an entry without a valid ICCID")
        }
        let cleaned = (name?.stringValue ?? "").unicodeScalars
            .filter { !$0.properties.generalCategory.isControlOrFormat }
        let trimmed = String(String.UnicodeScalarView(cleaned)).trimmingSpaces
        return ListedSIM(iccid: text, name: trimmed.isEmpty ? nil : String(trimmed.prefix(maximumNameLength)))
    }

    /// A page count from a JSON number or a header: a whole number within 0...maximumPages.
    static func pageCount(_ value: Double?, what: String) throws(ProviderError) -> Int? {
        guard let value else { return nil }
        guard value.isFinite, value == value.rounded(), value >= 0, value <= Double(maximumPages) else {
            throw ProviderError(.malformed, "\(what): page count \(value) is not 0...\(maximumPages)")
        }
        return Int(value)
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isControlOrFormat: Bool {
        switch self {
        case .control, .format, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: Substring {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return s
    }
}

/// Reads the pages of a listing one after the other, up to `SIMListPage.maximumPages`, until the answer's page
/// count (or its lack of a next page) says it is complete.
enum SIMListPaging {
    static func all(
        what: String,
        _ fetch: (Int) async throws(ProviderError) -> SIMListPage
    ) async throws(ProviderError) -> [ListedSIM] {
        var sims: [ListedSIM] = []
        var page = 1
        while true {
            let answer = try await fetch(page)
            sims += answer.sims
            if let last = answer.lastPage {
                if page >= last { return sims }
            } else if !answer.hasNext {
                return sims
            }
            page += 1
            guard page <= SIMListPage.maximumPages else {
                throw ProviderError(.malformed, "\(what): more than \(SIMListPage.maximumPages) pages")
            }
        }
    }
}
