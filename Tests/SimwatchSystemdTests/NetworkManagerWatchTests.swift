import SimwatchSystemd
import Testing

/// When NetworkManager's properties say the host is online: full connectivity, or connected globally where it does
/// not check connectivity.
@Suite struct NetworkManagerWatchTests {
    @Test(arguments: [
        (UInt64?(4), UInt64?(70), true), (3, 70, false), (2, 50, false), (1, 20, false), (0, 70, true), (nil, 70, true),
        (0, 60, false), (nil, nil, false),
    ])
    func networkManagersWordOnBeingOnline(_ connectivity: UInt64?, _ state: UInt64?, _ online: Bool) {
        #expect(NetworkManagerWatch.isOnline(connectivity: connectivity, state: state) == online)
    }
}
