import SimwatchCore

/// The alert states in memory, by `LineBook.key(line, rule)`, with how many are firing kept up to date as they
/// change, so the status line counts them in O(1) however many lines there are.
struct AlertBook: Sequence {
    private var states: [String: AlertState] = [:]
    /// How many of the states are firing.
    private(set) var firing = 0

    subscript(key: String) -> AlertState? {
        get { states[key] }
        set {
            if states[key]?.isFiring == true { firing -= 1 }
            if newValue?.isFiring == true { firing += 1 }
            states[key] = newValue
        }
    }

    var values: Dictionary<String, AlertState>.Values { states.values }

    func makeIterator() -> Dictionary<String, AlertState>.Iterator { states.makeIterator() }
}
