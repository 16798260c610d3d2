/// One input from libFuzzer as the parsers take it: bytes, or text.
public struct FuzzInput {
    public let bytes: [UInt8]

    public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    }

    /// The bytes as UTF-8, invalid sequences replaced (as a file or a pipe read by the daemon is decoded).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The parts before and after the first NUL byte (`nil` without one): lets one input carry two texts, such
    /// as a JSON pointer and the document it points into.
    public var split: (head: [UInt8], tail: [UInt8])? {
        guard let nul = bytes.firstIndex(of: 0) else { return nil }
        return (Array(bytes[..<nul]), Array(bytes[(nul + 1)...]))
    }
}
