/// What caused an assessment.
public enum AssessmentTrigger: Sendable, Hashable {
    /// A poll finished (or a reading was recorded by hand, or a manual line's estimate was made).
    /// `attemptRecorded`: the attempt was already counted in the record before the provider was asked.
    case poll(Result<Reading, ProviderError>, attemptRecorded: Bool)
    /// A repeat reminder or a snooze end fell due; no new reading.
    case due
    /// A renewal was recorded by hand (its ledger entry, numbered by the assessment); the record already holds the
    /// new plan period.
    case renewal(RenewalEntry)
}

extension AssessmentTrigger {
    /// Whether the assessment compares with what the provider said last (a top-up, a renewal and its check):
    /// an observed reading, or a renewal recorded by hand.
    public var comparesReadings: Bool {
        switch self {
        case .poll(.success(let reading), _): !reading.estimated
        case .renewal: true
        case .poll, .due: false
        }
    }
}
