import FoundationEssentials
import SimwatchCore
import SimwatchTOML

/// Decodes `[[offer]]` (shared between lines: all of them, or those in `lines`) and `[[line.offer]]`: a package
/// the line can be renewed with, for the advisor.
enum OfferDecoder {
    /// A shared offer and the lines it is for (nil: every line).
    struct Shared {
        var offer: Offer
        var lines: [String]?
        var table: TableReader
    }

    static func decodeShared(_ tables: [TableReader]) -> [Shared] {
        tables.enumerated().compactMap { index, raw in
            let table = raw.renamed(context: "[[offer]] #\(index + 1)")
            let lines = table.stringList("lines")
            return decode(table, extraKeys: ["lines"]).map { Shared(offer: $0, lines: lines, table: table) }
        }
    }

    /// A line's own `[[line.offer]]` tables.
    static func decodeOwn(_ tables: [TableReader], label: String) -> [Offer] {
        var offers: [Offer] = []
        for (index, raw) in tables.enumerated() {
            let table = raw.renamed(context: "[[line.offer]] #\(index + 1)\(label)")
            guard let offer = decode(table, extraKeys: []) else { continue }
            if offers.contains(where: { $0.name == offer.name }) {
                table.error("name", "another offer of this line is named `\(offer.name)`", hint: uniqueName)
            } else {
                offers.append(offer)
            }
        }
        return offers
    }

    /// Gives every line its own offers and the shared ones for it; reports a shared offer naming an unknown line,
    /// or one whose name a line's own offer has already.
    static func attach(_ shared: [Shared], to lines: inout [Line]) {
        guard !shared.isEmpty else { return }
        let ids = lines.map(\.id)
        let known = Set(ids)
        for item in shared {
            for id in item.lines ?? [] where !known.contains(id) {
                let hint =
                    Suggestion.nearest(to: id, in: ids).map { "did you mean `\($0)`?" }
                    ?? "known lines: \(ids.joined(separator: ", "))"
                item.table.error("lines", "no line `\(id)`", hint: hint)
            }
        }
        for index in lines.indices {
            let id = lines[index].id
            for item in shared where item.lines?.contains(id) ?? true {
                if lines[index].offers.contains(where: { $0.name == item.offer.name }) {
                    item.table.error(
                        "name",
                        "line `\(id)` already has an offer named `\(item.offer.name)`",
                        hint: uniqueName
                    )
                } else {
                    lines[index].offers.append(item.offer)
                }
            }
        }
    }

    private static let uniqueName = "give each offer its own name; the advice names the one to buy"

    private static func decode(_ table: TableReader, extraKeys: [String]) -> Offer? {
        defer { table.finish(allowing: ["name", "data", "valid", "price", "url"] + extraKeys) }
        let name = table.required("name", hint: "e.g. name = \"Orange Holiday 10 GB\"")
        if let name, name.isEmpty || name.count > 80 || name.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            table.error("name", "`name` must be one line of 1 to 80 characters")
        }
        var data: ByteCount?
        var dataKnown = false
        if let text = table.string("data") {
            if text.lowercased() == "unlimited" {
                dataKnown = true
            } else if let size = table.parsedText(text, key: "data", ByteCount.init(parsing:)) {
                if size.bytes < 1_000_000 {
                    table.error(
                        "data",
                        "`data` = \(size) is less than 1 MB",
                        hint: "write e.g. \"10GB\" or \"unlimited\""
                    )
                } else {
                    (data, dataKnown) = (size, true)
                }
            }
        } else if !table.has("data") {
            table.error(nil, "missing `data`", hint: "e.g. data = \"10GB\", or data = \"unlimited\"")
        }
        let validity = table.parsed("valid", TimeSpan.init(parsing:))
        if validity == nil, !table.has("valid") { table.error(nil, "missing `valid`", hint: "e.g. valid = \"30d\"") }
        if let validity, validity < .hours(1) {
            table.error("valid", "`valid` = \(validity) is shorter than an hour", hint: "write e.g. \"7d\" or \"30d\"")
        }
        let price = table.parsed("price", Money.init(parsing:))
        if price == nil, !table.has("price") { table.error(nil, "missing `price`", hint: "e.g. price = \"20 EUR\"") }
        if let price, price.amount < 0 { table.error("price", "`price` must not be negative") }
        let url = table.parsed("url", RenewalGuide.Link.init(parsing:))
        guard let name, dataKnown, let validity, validity >= .hours(1), let price, price.amount >= 0 else { return nil }
        return Offer(name: name, data: data, validity: validity, price: price, url: url)
    }
}
