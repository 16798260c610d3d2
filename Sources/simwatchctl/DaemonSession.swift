import FoundationEssentials
import SimwatchControl
import SimwatchCtlKit
import SimwatchModel

/// One connection to simwatchd: typed calls that keep the raw reply for `--json`, and errors in words.
///
/// Every string of a reply is escaped (`TerminalText`) before it is decoded into the types the views print, so
/// no text from outside reaches the terminal raw, whichever view prints it. `--json` prints the reply as sent:
/// JSON escapes control characters itself.
final class DaemonSession {
    let socket: String
    let json: Bool
    private var client: VarlinkClient

    init(socket: String, timeout: Double, json: Bool) throws(CtlFailure) {
        self.socket = socket
        self.json = json
        do {
            client = try VarlinkClient(path: socket, timeout: timeout)
        } catch {
            throw CtlFailure.transport(error, socket: socket)
        }
    }

    /// Calls `method` and returns the typed reply with the JSON it came from. An error reply becomes a
    /// `CtlFailure` (printed as JSON first with `--json`); NoSuchLine lists the known lines.
    func call<M: ControlMethod>(_ method: M.Type, _ parameters: M.Parameters) throws(CtlFailure) -> (M.Reply, JSONValue)
    {
        try reply(M.self, to: callRaw(M.name, ControlCodec.encode(parameters)))
    }

    /// Calls a method that takes no parameters: `{}` is sent as it is, without encoding `NoParameters`.
    func call<M: ControlMethod>(_ method: M.Type) throws(CtlFailure) -> (M.Reply, JSONValue)
    where M.Parameters == NoParameters {
        try reply(M.self, to: callRaw(M.name))
    }

    /// The typed reply to `M`, decoded from its escaped parameters, with the parameters as sent.
    private func reply<M: ControlMethod>(_ method: M.Type, to raw: JSONValue) throws(CtlFailure) -> (M.Reply, JSONValue)
    {
        do {
            return (try ControlCodec.decode(M.Reply.self, from: TerminalText.escaped(raw)), raw)
        } catch {
            throw CtlFailure("unexpected reply from simwatchd to \(M.method): \(error)")
        }
    }

    /// Calls a method by name and returns its reply's parameters.
    func callRaw(_ method: String, _ parameters: JSONValue = .object([:])) throws(CtlFailure) -> JSONValue {
        do {
            guard let reply = try client.callRaw(method: method, parameters: parameters).last else {
                throw CtlFailure("simwatchd sent no reply to \(method)")
            }
            return reply
        } catch let error as ControlError {
            throw failure(for: error)
        } catch let error as VarlinkTransportError {
            throw CtlFailure.transport(error, socket: socket)
        } catch let error as CtlFailure {
            throw error
        } catch {
            throw CtlFailure("\(error)")
        }
    }

    /// Calls Events and passes each event, with its JSON, to `each` until the daemon ends the stream, `idle`
    /// seconds pass without one (nil: wait forever), or `each` returns false.
    func events(
        _ parameters: Events.Parameters,
        idle: Double?,
        _ each: (ControlEvent, JSONValue) -> Bool
    ) throws(CtlFailure) {
        let call = VarlinkCall(method: Events.name, parameters: ControlCodec.encode(parameters), more: true)
        do {
            try client.send(call)
        } catch {
            throw CtlFailure.transport(error, socket: socket)
        }
        while let reply = try nextReply(idle: idle) {
            if let error = reply.controlError { throw failure(for: error) }
            guard let event = try? ControlCodec.decode(Events.Reply.self, from: TerminalText.escaped(reply.parameters))
            else {
                throw CtlFailure("unexpected event from simwatchd: \(reply.parameters)")
            }
            if !each(event.event, reply.parameters) || !reply.continues { return }
        }
    }

    /// The next reply; nil when `idle` seconds passed without one.
    private func nextReply(idle: Double?) throws(CtlFailure) -> VarlinkReply? {
        do {
            return try client.receive(timeout: idle)
        } catch {
            if error.code == .timeout && idle != nil { return nil }
            throw CtlFailure.transport(error, socket: socket)
        }
    }

    /// The line ids the daemon knows, for "no line `x`; known lines: ..."; nil when they cannot be had.
    func knownLines() -> [String]? {
        guard let raw = try? client.callRaw(method: ListLines.name).last,
            let reply = try? ControlCodec.decode(ListLines.Reply.self, from: TerminalText.escaped(raw))
        else { return nil }
        return reply.lines.map(\.id)
    }

    private func failure(for error: ControlError) -> CtlFailure {
        if json { print(JSONValue.object(["error": .string(error.name), "parameters": error.parameters])) }
        let isNoSuchLine = error.name == ControlError.noSuchLine("").name
        return CtlFailure.reply(TerminalText.escaped(error), knownLines: isNoSuchLine ? knownLines() : nil)
    }
}
