/// Text in the Prometheus exposition format, version 0.0.4: a `# HELP` and a `# TYPE` line per family, then its
/// samples, label values escaped (`\\`, `\"`, `\n`) so that outside text (a line's name, an error) cannot break a line
/// or forge a sample.
struct MetricsExposition {
    enum Kind: String {
        case gauge, counter, histogram
    }

    private(set) var text = ""

    /// Starts a family: its help (escaped) and type.
    mutating func family(_ name: String, _ kind: Kind, help: String) {
        text += "# HELP \(name) \(Self.escapeHelp(help))\n# TYPE \(name) \(kind.rawValue)\n"
    }

    mutating func sample(_ name: String, _ labels: KeyValuePairs<String, String> = [:], _ value: Double) {
        sample(name, Array(labels.map { ($0.key, $0.value) }), value)
    }

    mutating func sample(_ name: String, _ labels: [(String, String)], _ value: Double) {
        text += name
        if !labels.isEmpty {
            text += "{" + labels.map { "\($0.0)=\"\(Self.escapeLabel($0.1))\"" }.joined(separator: ",") + "}"
        }
        text += " " + Self.format(value) + "\n"
    }

    /// A histogram's samples: cumulative `_bucket`s (with `+Inf`), `_sum` and `_count`.
    mutating func histogram(_ name: String, _ labels: [(String, String)], _ histogram: Histogram) {
        var cumulative: UInt64 = 0
        for (bound, count) in zip(histogram.bounds, histogram.counts) {
            cumulative += count
            sample(name + "_bucket", labels + [("le", Self.format(bound))], Double(cumulative))
        }
        sample(name + "_bucket", labels + [("le", "+Inf")], Double(histogram.count))
        sample(name + "_sum", labels, histogram.sum)
        sample(name + "_count", labels, Double(histogram.count))
    }

    /// A label value: backslash, double quote and line feed escaped.
    static func escapeLabel(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Help text: backslash and line feed escaped.
    static func escapeHelp(_ value: String) -> String {
        value.replacing("\\", with: "\\\\").replacing("\n", with: "\\n")
    }

    /// Whole numbers without a fraction, others as Swift writes them (which Go's ParseFloat reads), and the
    /// specials as Prometheus writes them.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

/// Observations counted into buckets of upper bounds (each not cumulative; the exposition adds them up).
struct Histogram: Sendable, Hashable {
    let bounds: [Double]
    private(set) var counts: [UInt64]
    private(set) var count: UInt64 = 0
    private(set) var sum: Double = 0

    init(bounds: [Double]) {
        self.bounds = bounds
        counts = Array(repeating: 0, count: bounds.count)
    }

    mutating func observe(_ value: Double) {
        guard value.isFinite else { return }
        if let index = bounds.firstIndex(where: { value <= $0 }) { counts[index] += 1 }
        count += 1
        sum += value
    }

    /// Seconds a delivery attempt takes: a journal write to an HTTP exchange through a slow network.
    static let deliverySeconds = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60]
}
