import FoundationEssentials

/// How the store keeps instants: REAL seconds since 1970 (amounts are INTEGER bytes, money TEXT decimal plus
/// currency), as simwatch 0.1 wrote them.
enum StoredTime {
    /// The instant of a nullable column.
    static func date(_ seconds: Double?) -> Date? { seconds.map(Date.init(timeIntervalSince1970:)) }
}
