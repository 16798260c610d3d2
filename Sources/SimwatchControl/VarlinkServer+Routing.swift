// How the server handles one connection's calls: in order, each in its own task so a hang-up can cancel it.
extension VarlinkServer {
    func serve(_ connection: VarlinkConnection) async {
        for await item in connection.incoming {
            switch item {
            case .call(let call):
                // A peer that hung up cannot read replies; its oneway calls still run, unless the server stops.
                if connection.isAbandoned || (connection.isClosed && !call.oneway) {
                    connection.callFinished()
                    continue
                }
                await perform(call, on: connection)
                connection.callFinished()
            case .reject(let error, let reason):
                log("control: connection \(connection.id) (\(connection.peer)): \(reason); closed")
                if let bytes = try? VarlinkReply(error: error).framed() {
                    try? await connection.write(bytes)
                }
                connection.close()
            }
        }
        connection.close()
        forget(connection)
    }

    private func perform(_ call: VarlinkCall, on connection: VarlinkConnection) async {
        let replier = VarlinkReplier(connection: connection, wantsMore: call.more, isOneway: call.oneway)
        let task = Task {
            do throws(ControlError) {
                try await self.route(call, replier: replier)
            } catch {
                await replier.fail(error)
            }
            await replier.finish()
        }
        connection.setCurrent(task, oneway: call.oneway, streaming: call.more)
        await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            task.cancel()
        }
    }

    private func route(_ call: VarlinkCall, replier: VarlinkReplier) async throws(ControlError) {
        guard let dot = call.method.lastIndex(of: "."), dot != call.method.startIndex,
            call.method.index(after: dot) != call.method.endIndex
        else {
            throw .interfaceNotFound(String(call.method[..<(call.method.lastIndex(of: ".") ?? call.method.startIndex)]))
        }
        let interface = String(call.method[..<dot])
        let method = String(call.method[call.method.index(after: dot)...])
        if call.upgrade { throw .invalidParameter("upgrade") }
        if interface == VarlinkServiceInfo.serviceInterfaceName {
            try await serviceMethod(method, call: call, replier: replier)
            return
        }
        guard let declared = methods[interface] else { throw .interfaceNotFound(interface) }
        guard declared.contains(method) else { throw .methodNotFound(call.method) }
        try await handler.handle(
            method: method,
            parameters: call.parameters,
            peer: replier.connection.peer,
            replier: replier
        )
    }

    private func serviceMethod(_ method: String, call: VarlinkCall, replier: VarlinkReplier) async throws(ControlError)
    {
        switch method {
        case "GetInfo":
            try? await replier.send(infoReply)
        case "GetInterfaceDescription":
            guard let name = call.parameters["interface"]?.stringValue else { throw .invalidParameter("interface") }
            guard let description = descriptions[name] else { throw .interfaceNotFound(name) }
            try? await replier.send(.object(["description": .string(description)]))
        default:
            throw .methodNotFound(call.method)
        }
    }
}
