public import FoundationEssentials

/// A provider account that can list its SIMs (Airalo's eSIM list, 1NCE's SIM list), for discovery.
public protocol SIMLister: Sendable {
    /// Every SIM of the account: all pages read and checked, or an error. Never a partial list: a page that
    /// fails or does not make sense fails the whole listing, so discovery retires nothing on a bad answer.
    func listSIMs(now: Date) async throws(ProviderError) -> [ListedSIM]
}
