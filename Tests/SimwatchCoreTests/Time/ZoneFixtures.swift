import FoundationEssentials

/// Writes TZif data the way zic does, for files the system does not have.
struct TZifFixture {
    var version: UInt8 = 2
    var transitions: [(Int64, UInt8)]
    var types: [(Int32, Bool, UInt8)]
    var abbreviations: String
    var footer: String

    static let newYork = TZifFixture(
        transitions: [(1_173_596_400, 1), (1_194_156_000, 0)],
        types: [(-18_000, false, 0), (-14_400, true, 4)],
        abbreviations: "EST\0EDT\0",
        footer: "EST5EDT,M3.2.0,M11.1.0"
    ).bytes

    var bytes: [UInt8] {
        var result: [UInt8] = []
        if version == 1 {
            appendBlock(to: &result, versionByte: 0, timeSize: 4)
            return result
        }
        // A minimal version 1 block, as zic -b slim writes, then the 64-bit data and the footer.
        result += Array("TZif".utf8) + [UInt8(ascii: "0") + version] + Array(repeating: 0, count: 15)
        for count: UInt32 in [0, 0, 0, 0, 1, 1] { Self.append(UInt64(count), size: 4, to: &result) }
        result += [0, 0, 0, 0, 0, 0, 0]
        appendBlock(to: &result, versionByte: UInt8(ascii: "0") + version, timeSize: 8)
        result += Array("\n\(footer)\n".utf8)
        return result
    }

    private func appendBlock(to result: inout [UInt8], versionByte: UInt8, timeSize: Int) {
        result += Array("TZif".utf8) + [versionByte] + Array(repeating: 0, count: 15)
        let counts = [0, 0, 0, transitions.count, types.count, abbreviations.utf8.count]
        for count in counts { Self.append(UInt64(count), size: 4, to: &result) }
        for (time, _) in transitions { Self.append(UInt64(bitPattern: time), size: timeSize, to: &result) }
        result += transitions.map(\.1)
        for (offset, isDST, index) in types {
            Self.append(UInt64(UInt32(bitPattern: offset)), size: 4, to: &result)
            result += [isDST ? 1 : 0, index]
        }
        result += Array(abbreviations.utf8)
    }

    private static func append(_ value: UInt64, size: Int, to result: inout [UInt8]) {
        for shift in stride(from: (size - 1) * 8, through: 0, by: -8) {
            result.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }
}

/// A directory under /tmp removed when the value goes away.
final class ZoneFixtureDirectory {
    let path: String

    init() throws {
        path = "/tmp/simwatch-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ bytes: [UInt8], to relativePath: String) throws {
        let full = path + "/" + relativePath
        let parent = full.split(separator: "/").dropLast().joined(separator: "/")
        try FileManager.default.createDirectory(atPath: "/" + parent, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: full, contents: Data(bytes)) else {
            throw CocoaError(.fileWriteUnknown)
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
