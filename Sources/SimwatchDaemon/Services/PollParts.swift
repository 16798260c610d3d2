import Logging
import SimwatchCore
import SimwatchProviders

/// What the poll scheduler works with and never changes: where readings come from, the configuration in force,
/// the clock, the back-off and its randomness, the journal and the event feed.
struct PollParts: Sendable {
    var providers: ProviderFactory
    var running: RunningConfig
    var clock: any DaemonClock
    var timing: PollTiming
    var random: @Sendable () -> Double
    var logger: Logger
    var events: EventHub
    var polling: PollingLines
}
