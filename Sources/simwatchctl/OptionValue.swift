import FoundationEssentials
import SimwatchCtlKit
import SimwatchModel

/// Command-line values read into what the daemon is sent. A value that does not read fails as `badValue`, naming
/// its option, before anything reaches the daemon.
enum OptionValue {
    /// `text` read by `parse`; nil when the option is absent.
    static func read<T>(
        _ text: String?,
        _ option: String,
        _ parse: (String) throws(UnitParseError) -> T
    ) throws(CtlFailure) -> T? {
        guard let text else { return nil }
        do {
            return try parse(text)
        } catch {
            throw CtlFailure.badValue(option, error)
        }
    }

    /// A size option ("2GB", "1,5 Go") in bytes; nil when absent.
    static func bytes(_ text: String?, _ option: String) throws(CtlFailure) -> Int64? {
        try read(text, option) { text throws(UnitParseError) in try ByteCount(parsing: text).bytes }
    }

    /// A time option ("2026-12-04 09:03", RFC 3339, "friday") read on `context`'s clock; nil when absent.
    static func time(_ text: String?, _ option: String, in context: ViewContext) throws(CtlFailure) -> Date? {
        try read(text, option) { text throws(UnitParseError) in
            try TimeArgument.parse(text, now: context.time.now, zone: context.time.zone)
        }
    }

    /// A time option as the daemon is sent it: RFC 3339 in `context`'s zone; nil when absent.
    static func timestamp(_ text: String?, _ option: String, in context: ViewContext) throws(CtlFailure) -> String? {
        try time(text, option, in: context)?.iso8601(in: context.time.zone)
    }

    /// A duration option ("30d", "1d12h"); nil when absent.
    static func duration(_ text: String?, _ option: String) throws(CtlFailure) -> TimeSpan? {
        try read(text, option) { text throws(UnitParseError) in try TimeArgument.duration(text) }
    }
}
