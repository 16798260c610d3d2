public import SimwatchControl

extension ControlService: VarlinkHandler {
    public func handle(
        method: String,
        parameters: JSONValue,
        peer: PeerCredentials,
        replier: VarlinkReplier
    ) async throws(ControlError) {
        guard method == Events.method else {
            let reply = try await respond(to: method, parameters: parameters)
            try? await replier.send(reply)
            return
        }
        guard replier.wantsMore else { throw .expectedMore }
        for await event in try await events(parameters: parameters) {
            do {
                try await replier.send(event, continues: true)
            } catch {
                return  // the client went away
            }
        }
        // The feed ended: the daemon is stopping.
        throw .shuttingDown
    }
}
