/// The contents of a TZif file (RFC 8536, versions 1 to 4) that matter for converting instants to local time.
///
/// Version 2 and later files hold the data twice, with 32-bit then 64-bit times; the first block is skipped.
/// Leap-second records are skipped too: instants here are POSIX times, which do not count leap seconds.
package struct TZifContents: Sendable, Hashable {
    package var transitions: [Int64] = []
    package var transitionTypes: [Int] = []
    package var types: [ZoneOffset] = []
    /// The POSIX TZ string after the data, empty when the file has none (version 1) or leaves it empty.
    package var footer = ""

    package init(bytes: [UInt8]) throws(TZifError) {
        var reader = Reader(bytes: bytes)
        let first = try reader.header()
        if first.version >= 2 {
            try reader.skip(first.dataSize(timeSize: 4))
            let second = try reader.header()
            try read(second, timeSize: 8, from: &reader)
            guard try reader.byte() == UInt8(ascii: "\n") else {
                throw TZifError("footer does not start with a newline")
            }
            var footerBytes: [UInt8] = []
            while true {
                let byte = try reader.byte()
                if byte == UInt8(ascii: "\n") { break }
                footerBytes.append(byte)
            }
            footer = String(decoding: footerBytes, as: UTF8.self)
        } else {
            try read(first, timeSize: 4, from: &reader)
        }
    }

    private mutating func read(_ header: Header, timeSize: Int, from reader: inout Reader) throws(TZifError) {
        for _ in 0..<header.timeCount {
            let time = try reader.integer(size: timeSize)
            if let previous = transitions.last, time <= previous { throw TZifError("transitions out of order") }
            transitions.append(time)
        }
        for _ in 0..<header.timeCount {
            let type = Int(try reader.byte())
            guard type < header.typeCount else { throw TZifError("transition type \(type) out of range") }
            transitionTypes.append(type)
        }
        var records: [(seconds: Int64, isDST: Bool, abbreviationIndex: Int)] = []
        for _ in 0..<header.typeCount {
            let seconds = try reader.integer(size: 4)
            let isDST = try reader.byte()
            let index = Int(try reader.byte())
            guard seconds != Int64(Int32.min), isDST <= 1, index < header.charCount else {
                throw TZifError("invalid local time type record")
            }
            records.append((seconds, isDST == 1, index))
        }
        let abbreviations = Array(try reader.take(header.charCount))
        types = records.map { record in
            let name = abbreviations[record.abbreviationIndex...].prefix { $0 != 0 }
            return ZoneOffset(
                seconds: Int(record.seconds),
                abbreviation: String(decoding: name, as: UTF8.self),
                isDST: record.isDST
            )
        }
        try reader.skip(header.leapCount * (timeSize + 4) + header.standardWallCount + header.universalLocalCount)
    }

    package struct Header {
        var version: Int
        var universalLocalCount: Int
        var standardWallCount: Int
        var leapCount: Int
        var timeCount: Int
        var typeCount: Int
        var charCount: Int

        func dataSize(timeSize: Int) -> Int {
            timeCount * (timeSize + 1) + typeCount * 6 + charCount + leapCount * (timeSize + 4) + standardWallCount
                + universalLocalCount
        }
    }

    private struct Reader {
        var bytes: [UInt8]
        var position = 0

        mutating func header() throws(TZifError) -> Header {
            guard try take(4).elementsEqual("TZif".utf8) else { throw TZifError("not a TZif file") }
            let versionByte = try byte()
            let version: Int
            switch versionByte {
            case 0: version = 1
            case UInt8(ascii: "2")...UInt8(ascii: "9"): version = Int(versionByte - UInt8(ascii: "0"))
            default: throw TZifError("unknown version byte \(versionByte)")
            }
            try skip(15)
            var counts: [Int] = []
            for _ in 0..<6 {
                let count = try integer(size: 4)
                // A real file has at most a few thousand of anything; this bounds the arithmetic below.
                guard (0...1_000_000).contains(count) else { throw TZifError("implausible count \(count)") }
                counts.append(Int(count))
            }
            let header = Header(
                version: version,
                universalLocalCount: counts[0],
                standardWallCount: counts[1],
                leapCount: counts[2],
                timeCount: counts[3],
                typeCount: counts[4],
                charCount: counts[5]
            )
            guard header.typeCount >= 1, header.charCount >= 1 else { throw TZifError("no local time types") }
            return header
        }

        mutating func byte() throws(TZifError) -> UInt8 {
            guard position < bytes.count else { throw TZifError("truncated") }
            defer { position += 1 }
            return bytes[position]
        }

        mutating func take(_ count: Int) throws(TZifError) -> ArraySlice<UInt8> {
            guard count <= bytes.count - position else { throw TZifError("truncated") }
            defer { position += count }
            return bytes[position..<(position + count)]
        }

        mutating func skip(_ count: Int) throws(TZifError) {
            _ = try take(count)
        }

        /// A big-endian two's-complement integer of 4 or 8 bytes.
        mutating func integer(size: Int) throws(TZifError) -> Int64 {
            var value: UInt64 = 0
            for byte in try take(size) { value = value << 8 | UInt64(byte) }
            return size == 4 ? Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: value))) : Int64(bitPattern: value)
        }
    }
}

/// Why a file is not usable TZif data.
package struct TZifError: Error, Sendable, Equatable {
    package var reason: String

    package init(_ reason: String) {
        self.reason = reason
    }
}
