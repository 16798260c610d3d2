public import FoundationEssentials
public import SimwatchCore

/// Everything known about one line, for status and `show`.
public struct LineState: Sendable {
    public var line: Line
    public var record: LineRecord?
    public var latest: Reading?
    public var period: PlanPeriod?
    public var alerts: [AlertState]
    public var nextPoll: Date?
}
