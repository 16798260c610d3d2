import FoundationEssentials
import Glibc
import SimwatchCore
import SimwatchProviders
import SimwatchStore
import Testing

@Suite struct CounterProviderTests {
    @Test func countersOnAFixture() async throws {
        var template = Array("/tmp/simwatch-sys-XXXXXX".utf8CString)
        let root = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        func write(_ path: String, _ text: String) {
            let full = root + "/" + path
            var dir = ""
            for part in full.split(separator: "/").dropLast() {
                dir += "/" + part
                mkdir(dir, 0o755)
            }
            let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            _ = text.withCString { Glibc.write(fd, $0, strlen($0)) }
            close(fd)
        }
        func counters(_ rx: UInt64, _ tx: UInt64) {
            write("class/net/wwan0/statistics/rx_bytes", "\(rx)\n")
            write("class/net/wwan0/statistics/tx_bytes", "\(tx)\n")
        }
        write("boot_id", "b1\n")
        counters(1000, 1000)
        let store = try StateStore()
        let factory = ProviderFactory(store: store, logger: ProviderTests.quiet)
        let settings = CounterProviderSettings(interfaces: ["wwan0"], sysfsRoot: root, bootIDPath: root + "/boot_id")
        let line = ProviderTests.line(settings)
        let period = PlanPeriod(
            startedAt: ProviderTests.t0,
            quota: ByteCount(bytes: 10_000),
            expiresAt: ProviderTests.t0 + .days(30)
        )
        func read(_ offset: Double) async throws -> Reading {
            try await factory.make(for: line).read(
                ProviderTests.request(line, at: ProviderTests.t0 + offset, period: period)
            )
        }
        #expect(try await read(10).used == ByteCount(bytes: 0))
        counters(3000, 2000)
        #expect(try await read(20).remaining == ByteCount(bytes: 7000))
        // Reboot: counters restart, the usage so far is kept (it is in the database).
        write("boot_id", "b2\n")
        counters(500, 0)
        let rebooted = try await ProviderFactory(store: store, logger: ProviderTests.quiet).make(for: line).read(
            ProviderTests.request(line, at: ProviderTests.t0 + 30, period: period)
        )
        #expect(rebooted.used == ByteCount(bytes: 3500))
        #expect(try store.counters.state(line: "l1")?.bootID == "b2")
    }
}

extension ProviderTests {
}
