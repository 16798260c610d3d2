/// What caused an assessment.
public enum AssessmentTrigger: Sendable, Hashable {
    /// A poll finished (or a reading was recorded by hand, or a manual line's estimate was made).
    /// `attemptRecorded`: the attempt was already counted in the record before the provider was asked.
    case poll(Result<Reading, ProviderError>, attemptRecorded: Bool)
    /// A repeat reminder or a snooze end fell due; no new reading.
    case due
    /// A renewal was recorded by hand; the record already holds the new plan period.
    case renewal
}
