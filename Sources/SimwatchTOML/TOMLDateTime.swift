/// A TOML date-time: an offset date-time (`1979-05-27T07:32:00-07:00`, `offsetMinutes` set) or a local date-time
/// (`1979-05-27T07:32:00`, `offsetMinutes` nil, to be read in a time zone the reader chooses).
public struct TOMLDateTime: Sendable, Hashable, CustomStringConvertible {
    public var date: TOMLDate
    public var time: TOMLTime
    /// Minutes east of UTC (`Z` is 0), or nil for a local date-time.
    public var offsetMinutes: Int?

    public init(date: TOMLDate, time: TOMLTime, offsetMinutes: Int? = nil) {
        self.date = date
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    public var description: String {
        let base = "\(date)T\(time)"
        guard let offsetMinutes else { return base }
        if offsetMinutes == 0 { return base + "Z" }
        let magnitude = abs(offsetMinutes)
        return base + (offsetMinutes < 0 ? "-" : "+") + "\(pad(magnitude / 60, 2)):\(pad(magnitude % 60, 2))"
    }
}
