import Glibc
import SimwatchLoop
import Testing

@Suite(.serialized) struct ResidentMemoryTests {
    private static func residentFileKiB() -> Int {
        guard let file = fopen("/proc/self/status", "r") else { return -1 }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix("RssFile:") {
                return Int(text.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? -1
            }
        }
        return -1
    }

    @Test func codeRunOnceIsLetGoAndEachMappingOnlyOnce() {
        let before = Self.residentFileKiB()
        let settled = ResidentMemory.settle()
        let after = Self.residentFileKiB()
        #expect(settled >= 1, "the test binary's own code, at least (unless an earlier test settled it)")
        #expect(after < before, "file-backed resident memory went down: \(before) → \(after) KiB")
        #expect(ResidentMemory.settle() == 0, "nothing new to settle")
        // The code that was let go still runs.
        #expect(String(describing: [1, 2, 3].map { $0 * 2 }) == "[2, 4, 6]")
    }
}
