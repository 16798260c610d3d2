public import FoundationEssentials

/// One entry in an alert's history (for `simwatchctl show`).
public struct AlertLogEntry: Sendable, Hashable {
    public var lineID: String
    public var ruleID: String?
    public var episode: Int
    public var event: String
    public var stage: Int?
    public var occurrence: Int
    public var at: Date
    public var summary: String

    public init(
        lineID: String,
        ruleID: String?,
        episode: Int,
        event: String,
        stage: Int?,
        occurrence: Int,
        at: Date,
        summary: String
    ) {
        self.lineID = lineID
        self.ruleID = ruleID
        self.episode = episode
        self.event = event
        self.stage = stage
        self.occurrence = occurrence
        self.at = at
        self.summary = summary
    }
}
