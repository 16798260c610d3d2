public import Logging
import SimwatchCore

/// simwatchd started for a user who has no configuration yet (a fresh package install, `systemctl --user enable
/// --now simwatch` before copying the example): one error in the journal that says what to do, and an exit status
/// the unit's `RestartPreventExitStatus=` lists, instead of a restart loop of "cannot read the configuration".
public enum FirstStart {
    /// When the configuration file does not exist: logs `FirstStartAdvice` and returns its exit status. Nil when
    /// it exists (unreadable or invalid), for the loader's own diagnostics.
    public static func exitStatus(options: DaemonOptions, environment: [String: String], logger: Logger) -> Int32? {
        let path = options.configPath
        guard FirstStartAdvice.isMissing(path) else { return nil }
        let advice = FirstStartAdvice.lines(
            configPath: path,
            example: FirstStartAdvice.installedExample(),
            home: environment["HOME"]
        )
        logger.error("\(advice.joined(separator: "\n"))")
        return FirstStartAdvice.exitStatus
    }
}
