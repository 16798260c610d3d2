import FoundationEssentials
import SimwatchControl
import Testing

@Suite struct VarlinkFrameTests {
    @Test func messagesSplitAcrossReadsAndJoinedInOneRead() throws {
        var buffer = VarlinkFrame.Buffer(limit: 100)
        buffer.append(contentsOf: Array(#"{"a":"#.utf8))
        #expect(try buffer.next() == nil)
        buffer.append(contentsOf: Array(#"1}"#.utf8) + [0] + Array(#"{"b":2}"#.utf8) + [0] + Array("{".utf8))
        #expect(try buffer.next() == Array(#"{"a":1}"#.utf8))
        #expect(try buffer.next() == Array(#"{"b":2}"#.utf8))
        #expect(try buffer.next() == nil)
        #expect(buffer.pendingCount == 1)
        buffer.append(contentsOf: Array("}".utf8) + [0])
        #expect(try buffer.next() == Array("{}".utf8))
        #expect(buffer.pendingCount == 0)
    }

    @Test func aMessageAtTheLimitPassesOneByteMoreDoesNot() throws {
        var exact = VarlinkFrame.Buffer(limit: 8)
        exact.append(contentsOf: Array("12345678".utf8) + [0])
        #expect(try exact.next()?.count == 8)

        var complete = VarlinkFrame.Buffer(limit: 8)
        complete.append(contentsOf: Array("123456789".utf8) + [0])
        #expect(throws: VarlinkTransportError.tooLarge(limit: 8)) { try complete.next() }

        var unfinished = VarlinkFrame.Buffer(limit: 8)
        unfinished.append(contentsOf: Array("12345678".utf8))
        #expect(try unfinished.next() == nil)
        unfinished.append(contentsOf: Array("9".utf8))
        #expect(throws: VarlinkTransportError.tooLarge(limit: 8)) { try unfinished.next() }
    }

    @Test func manySmallMessagesDoNotGrowTheBuffer() throws {
        var buffer = VarlinkFrame.Buffer(limit: 64)
        for i in 0..<10_000 {
            buffer.append(contentsOf: Array("{\"i\":\(i)}".utf8) + [0])
            #expect(try buffer.next() == Array("{\"i\":\(i)}".utf8))
        }
        #expect(buffer.pendingCount == 0)
    }

    @Test func callEncodingLeavesOutFalseFlags() throws {
        let plain = try VarlinkCall(method: "io.simwatch.Control.GetStatus").framed()
        #expect(plain.last == 0)
        #expect(String(decoding: plain.dropLast(), as: UTF8.self).contains("\"more\"") == false)
        let call = VarlinkCall(method: "a.B", parameters: .object(["x": .int(1)]), more: true, oneway: true)
        let back = try VarlinkCall.decode(Array(try call.framed().dropLast()))
        #expect(back == call)
        let text = String(decoding: try call.framed().dropLast(), as: UTF8.self)
        #expect(text.contains(#""more":true"#) && text.contains(#""oneway":true"#) && !text.contains("upgrade"))
    }

    @Test func callDecodingDefaultsAndRejections() throws {
        let bare = try VarlinkCall.decode(Array(#"{"method":"org.varlink.service.GetInfo"}"#.utf8))
        #expect(bare.parameters == .object([:]))
        #expect(!bare.more && !bare.oneway && !bare.upgrade)
        let nullParameters = try VarlinkCall.decode(Array(#"{"method":"a.B","parameters":null,"more":false}"#.utf8))
        #expect(nullParameters.parameters == .object([:]))

        for bad in [#"{"parameters":{}}"#, #"{"method":"a.B","parameters":[1]}"#, "[1]", "not json", #"{"method":7}"#] {
            #expect(throws: VarlinkTransportError.self) { try VarlinkCall.decode(Array(bad.utf8)) }
        }
        do throws(VarlinkTransportError) {
            _ = try VarlinkCall.decode(Array(#"{"method":"a.B","more":"yes"}"#.utf8))
            Issue.record("a non-boolean more was accepted")
        } catch {
            #expect(error.code == .malformed)
            #expect(error.description.contains("more"))
        }
    }

    @Test func payloadRoundTrips() throws {
        let payload = JSONValue.object([
            "s": .string("héllo \"wörld\"\n\u{1}/"),
            "i": .int(-9_007_199_254_740_993),
            "d": .double(1.5),
            "b": .bool(false),
            "n": .null,
            "a": .array([.int(1), .object(["deep": .array([])]), .string("")]),
            "o": .object([:]),
        ])
        let call = VarlinkCall(method: "a.B", parameters: payload)
        #expect(try VarlinkCall.decode(Array(try call.framed().dropLast())).parameters == payload)
        let reply = VarlinkReply(parameters: payload, continues: true)
        #expect(try VarlinkReply.decode(Array(try reply.framed().dropLast())) == reply)
    }

    @Test func replyEncodingAndErrors() throws {
        let text = String(
            decoding: try VarlinkReply(parameters: .object(["a": .int(1)])).framed().dropLast(),
            as: UTF8.self
        )
        #expect(text == #"{"parameters":{"a":1}}"#)
        let error = ControlError.noSuchLine("fr")
        let wire = String(decoding: try VarlinkReply(error: error).framed().dropLast(), as: UTF8.self)
        #expect(wire.contains(#""error":"io.simwatch.Control.NoSuchLine""#))
        let back = try VarlinkReply.decode(Array(wire.utf8))
        #expect(back.controlError == error)
        #expect(try VarlinkReply.decode(Array("{}".utf8)) == VarlinkReply())
        #expect(throws: VarlinkTransportError.self) { try VarlinkReply.decode(Array("nope".utf8)) }
    }

    /// Replies are read by hand on simwatchctl's path; they read as `Decodable` (and JSONDecoder) reads them,
    /// and what it refuses is malformed.
    @Test(arguments: [
        #"{"parameters":{"a":1},"continues":true,"error":"a.B"}"#, #"{}"#, #"{"parameters":null}"#,
        #"{"parameters":[1]}"#, #"{"parameters":7,"continues":false}"#, #"{"continues":null,"error":null}"#,
        #"{"continues":1}"#, #"{"continues":"true"}"#, #"{"error":5}"#, #"{"error":{}}"#,
        #"{"Error":"x","continues_":true,"_error":"y","extra":{"deep":[]}}"#, #"[]"#, #"null"#, #""x""#, #"{"#,
    ])
    func replyReadsAsDecodableReadsIt(_ text: String) {
        let direct = try? VarlinkReply.decode(Array(text.utf8))
        let decodable = try? JSONDecoder().decode(VarlinkReply.self, from: Data(text.utf8))
        #expect(direct == decodable)
    }

    /// What a call's reading used to be: JSONDecoder and `init(from:)`, the failure naming the first wrong field.
    static func callViaJSONDecoder(_ text: String) -> Result<VarlinkCall, VarlinkTransportError> {
        do {
            return .success(try JSONDecoder().decode(VarlinkCall.self, from: Data(text.utf8)))
        } catch let DecodingError.keyNotFound(key, _) {
            return .failure(.malformed("\(key.stringValue): missing"))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            guard let key = context.codingPath.first?.stringValue else {
                return .failure(.malformed("message: not a JSON object"))
            }
            return .failure(.malformed("\(key): wrong type"))
        } catch {
            return .failure(.malformed("message: not valid JSON"))
        }
    }

    /// Calls are read by hand on the daemon's path; they read as JSONDecoder read them, and a bad one names the
    /// same field for the same reason.
    @Test(arguments: [
        #"{"method":"a.B"}"#, #"{"method":"a.B","parameters":{"x":[1,2.5,"s",null,{"y":true}]},"more":true}"#,
        #"{"method":"a.B","parameters":null,"more":null,"oneway":false,"upgrade":true}"#,
        #"{"method":"a.B","oneway":true}"#,
        #"{"parameters":{}}"#, #"{"method":null}"#, #"{"method":7}"#, #"{"method":["a"]}"#,
        #"{"method":"a.B","parameters":[1]}"#, #"{"method":"a.B","parameters":"x"}"#,
        #"{"method":"a.B","parameters":3}"#,
        #"{"method":"a.B","more":"yes"}"#, #"{"method":"a.B","oneway":1}"#, #"{"method":"a.B","upgrade":{}}"#,
        #"{"method":7,"parameters":[],"more":"x"}"#, #"{"method":"a.B","parameters":[],"more":"x"}"#,
        #"{"method":"a.B","more":1,"oneway":2}"#, #"{"method":"a.B","method":"c.D"}"#, #"{"Method":"a.B"}"#,
        "[1]", "[]", "null", "7", #""a.B""#, "not json", "", "{", #"{"method":"a.B"} x"#, #"{"method":"a\u0000B"}"#,
    ])
    func callReadsAsJSONDecoderReadIt(_ text: String) {
        let direct = Result { () throws(VarlinkTransportError) in try VarlinkCall.decode(Array(text.utf8)) }
        #expect(direct == Self.callViaJSONDecoder(text))
    }
}
