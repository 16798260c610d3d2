public import SimwatchCore

extension AssessmentSettings {
    /// The settings of a configuration: worked out once per reload, not per assessment.
    public init(_ config: Config) {
        self.init(
            zone: config.daemon.timeZone,
            quietHours: config.daemon.quietHours,
            emailChannels: Set(config.channels.filter { $0.kind.sendsMail }.map(\.name)),
            resolutionChannels: Set(config.channels.filter { $0.kind.wantsResolved }.map(\.name)),
            language: config.daemon.language,
            channelLanguages: config.channels.reduce(into: [:]) { languages, channel in
                if let language = channel.language { languages[channel.name] = language }
            }
        )
    }
}
