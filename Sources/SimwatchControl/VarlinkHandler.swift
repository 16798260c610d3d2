/// Serves the methods of the interfaces in `VarlinkServiceInfo` (everything but `org.varlink.service`).
///
/// Called once per call, in the order a connection sent them; calls on different connections run concurrently.
/// The task is cancelled when the peer disconnects (unless the call was `oneway`) or the server stops.
public protocol VarlinkHandler: Sendable {
    /// Handles `method` (unqualified, "GetStatus") of a served interface.
    ///
    /// Reply with `replier.send(_:continues:)`: once with `continues: false`, or, when `replier.wantsMore`, any
    /// number of times with `continues: true` and finally once with `false`. Returning without a final reply
    /// sends `{}`; a thrown `ControlError` becomes the error reply. A `send` that throws `.closed` means the peer
    /// is gone: return.
    func handle(
        method: String,
        parameters: JSONValue,
        peer: PeerCredentials,
        replier: VarlinkReplier
    ) async throws(ControlError)
}
