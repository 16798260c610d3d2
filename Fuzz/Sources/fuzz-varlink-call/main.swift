import FuzzSupport
import SimwatchControl

// One Varlink message: as a call whose parameters are decoded as every method's parameters (the daemon's side),
// and as a reply whose parameters are decoded as every method's reply (simwatchctl's side).

func decode<T: Decodable>(_ type: T.Type, _ value: JSONValue) {
    _ = try? ControlCodec.decode(type, from: value)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let message = FuzzInput(data, size).bytes
    if let call = try? VarlinkCall.decode(message) {
        let parameters = call.parameters
        decode(NoParameters.self, parameters)
        decode(LineParameters.self, parameters)
        decode(OptionalLineParameters.self, parameters)
        decode(GetHistory.Parameters.self, parameters)
        decode(Snooze.Parameters.self, parameters)
        decode(Unsnooze.Parameters.self, parameters)
        decode(RecordReading.Parameters.self, parameters)
        decode(Renew.Parameters.self, parameters)
        decode(TestNotification.Parameters.self, parameters)
        _ = try? call.framed()
    }
    if let reply = try? VarlinkReply.decode(message) {
        let parameters = reply.parameters
        _ = reply.controlError
        decode(GetStatus.Reply.self, parameters)
        decode(ListLines.Reply.self, parameters)
        decode(GetLine.Reply.self, parameters)
        decode(GetHistory.Reply.self, parameters)
        decode(Poll.Reply.self, parameters)
        decode(Reload.Reply.self, parameters)
        decode(AlertsReply.self, parameters)
        decode(RecordReading.Reply.self, parameters)
        decode(Renew.Reply.self, parameters)
        decode(TestNotification.Reply.self, parameters)
        decode(Events.Reply.self, parameters)
        _ = parameters.description
    }
    return 0
}

FuzzDriver.run(fuzz)
