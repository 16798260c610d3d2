/// The coding key of an array element, named as JSONDecoder names it in coding paths ("Index 3").
struct JSONIndexKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init?(intValue: Int) {
        self.init(index: intValue)
    }

    /// The key of `superDecoder()`.
    static let superKey = JSONIndexKey(stringValue: "super")!
}
