/// The options every command takes, as plain values: where the daemon is, and how to print.
///
/// simwatchctl's `GlobalOptions` fills it from the argument parser; `StatusShortcut` fills it for the plain forms
/// of `simwatchctl status` without the parser, whose start-up costs more than the whole command otherwise does.
public struct CommonOptions: Sendable, Hashable {
    /// `--socket PATH`; nil for the environment's or the default path.
    public var socket: String?
    /// `--json`: print the daemon's reply as sent.
    public var json: Bool
    /// `--no-color`.
    public var noColor: Bool

    public init(socket: String? = nil, json: Bool = false, noColor: Bool = false) {
        self.socket = socket
        self.json = json
        self.noColor = noColor
    }
}
