import Testing

@testable import SimwatchCrypto

@Suite struct HMACSHA256Tests {
    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    static func code(key: [UInt8], _ message: [UInt8]) throws -> String {
        hex(try HMACSHA256(key: key).authenticationCode(for: message))
    }

    /// RFC 4231, test cases 1 to 4, 6 and 7 (5 is a truncated code).
    @Test func rfc4231Vectors() throws {
        #expect(
            try Self.code(key: Array(repeating: 0x0b, count: 20), Array("Hi There".utf8))
                == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        )
        #expect(
            try Self.code(key: Array("Jefe".utf8), Array("what do ya want for nothing?".utf8))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        )
        #expect(
            try Self.code(key: Array(repeating: 0xaa, count: 20), Array(repeating: 0xdd, count: 50))
                == "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
        )
        #expect(
            try Self.code(key: Array(1...25), Array(repeating: 0xcd, count: 50))
                == "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
        )
        let longKey = [UInt8](repeating: 0xaa, count: 131)
        #expect(
            try Self.code(key: longKey, Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        )
        let longData =
            "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be "
            + "hashed before being used by the HMAC algorithm."
        #expect(
            try Self.code(key: longKey, Array(longData.utf8))
                == "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        )
    }

    /// The Standard Webhooks specification's example: secret `whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw`, signature
    /// `v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=` (here both decoded from base64).
    @Test func standardWebhooksVector() throws {
        let key: [UInt8] = [
            0x31, 0xf2, 0x90, 0xf6, 0xbf, 0x06, 0x29, 0x8a, 0xab, 0x4f, 0x08, 0xd4, 0x3c, 0x3f, 0x08, 0x2c, 0xf6, 0x48,
            0xa3, 0x62, 0xda, 0x2d, 0xa4, 0xb0,
        ]
        let message = #"msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}"#
        #expect(
            try Self.code(key: key, Array(message.utf8))
                == "83484cf52b04f8e4cf2531adfed9882ad4b2665137b852442d594d20e2c9d4e1"
        )
    }

    /// Empty inputs still go to OpenSSL as real pointers (a NULL key means something else to it).
    @Test func emptyKeyAndMessage() throws {
        #expect(try Self.code(key: [], []) == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
        #expect(
            try Self.code(key: Array("key".utf8), [])
                == "5d5d139563c95b5967b9bd9a8c9b233a9dedb45072794cd232dc1b74832607d0"
        )
    }

    @Test func aMissingLibraryIsAClearError() {
        guard case .failure(let error) = LibCrypto.load("libcrypto-simwatch-absent.so.3") else {
            Issue.record("a library that does not exist was opened")
            return
        }
        #expect(error.description.hasPrefix("libcrypto-simwatch-absent.so.3 not found: install libssl3"))
    }
}
