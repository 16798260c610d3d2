import Glibc
import Testing

@testable import SimwatchControl

/// Timeouts come from the command line (`poll --timeout`); absurd ones are bounded instead of trapping.
@Suite struct VarlinkClientTimeoutTests {
    @Test(
        arguments: [
            (1e300, 31_622_400_000), (.infinity, 31_622_400_000), (.nan, 0), (-5, 0), (-.infinity, 0),
            (0.0001, 1), (2.5, 2500), (9_223_372_036_854_775_808, 31_622_400_000),
        ] as [(Double, Int64)]
    )
    func boundedMilliseconds(seconds: Double, milliseconds: Int64) {
        #expect(VarlinkClient.boundedMilliseconds(seconds) == milliseconds)
    }

    @Test func timevalsOfAbsurdTimeoutsAreBounded() {
        let huge = VarlinkClient.timeval(seconds: 1e300)
        #expect(huge.tv_sec == 31_622_400 && huge.tv_usec == 0)
        let nan = VarlinkClient.timeval(seconds: .nan)
        #expect(nan.tv_sec == 0 && nan.tv_usec == 0)
        let half = VarlinkClient.timeval(seconds: 1.5)
        #expect(half.tv_sec == 1 && half.tv_usec == 500_000)
    }
}
