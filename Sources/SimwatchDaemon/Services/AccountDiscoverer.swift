import FoundationEssentials
import Logging
import SimwatchConfig
import SimwatchCore
import SimwatchProviders
import SimwatchStore

/// Discovery for the accounts with `discover = true`: lists each account's SIMs on its own slow schedule
/// (`discover_every`), lets `SIMDiscovery` decide what to add and retire, keeps the result in state.db
/// (`discovered_sim`) and hands the daemon the configuration with the discovered lines in it, which it applies
/// through the same path as a reload (`Simwatch.reload`): other lines and their state are untouched.
///
/// The set from state.db is merged in at start-up, so a restart watches the discovered lines at once, before
/// listing again. A listing that fails or makes no sense changes nothing and is logged.
actor AccountDiscoverer {
    let store: StateStore
    let providers: ProviderFactory
    let logger: Logger
    /// Poked when a reload brings an account to list at once.
    nonisolated let wakeup = Wakeup()
    /// Each account's discovered SIMs, sorted by ICCID.
    private var known: [String: [DiscoveredSIM]] = [:]
    /// The configuration as read from its file, without discovered lines.
    private(set) var file: Config?
    /// When each account is listed next.
    private var nextListing: [String: Date] = [:]

    init(store: StateStore, providers: ProviderFactory, logger: Logger) {
        self.store = store
        self.providers = providers
        self.logger = logger
    }

    /// Reads the discovered set from state.db.
    func load() {
        do {
            known = try store.discovered.all()
        } catch {
            logger.error("cannot read the discovered SIMs: \(error)")
        }
    }

    /// `config` (as read from its file) with a line for every SIM discovered on its accounts: the template's line
    /// with id `NAME-ICCID`; a configured line of the same id wins, and a shard keeps only its own.
    func merged(_ config: Config) -> Config {
        file = config
        if config.discovery.keys.contains(where: { nextListing[$0] == nil }) { wakeup.poke() }
        var out = config
        var taken = Set(config.lines.map(\.id))
        for (name, template) in config.discovery.sorted(by: { $0.key < $1.key }) {
            let written = Self.writtenICCIDs(config, account: name)
            for sim in known[name] ?? [] where !written.contains(sim.iccid) {
                guard let line = template.line(for: sim), !taken.contains(line.id) else { continue }
                if let shard = config.daemon.shard, !shard.owns(line.id) { continue }
                taken.insert(line.id)
                out.lines.append(line)
            }
        }
        return out
    }

    /// When the next account is due to be listed (nil: no account discovers).
    func nextDue(now: Date) -> Date? {
        guard let file else { return nil }
        return file.discovery.keys.map { nextListing[$0] ?? now }.min()
    }

    /// Lists the accounts that are due; true when an account's set of lines changed.
    func listDue(now: Date) async -> Bool {
        guard let file else { return false }
        var changed = false
        for (name, template) in file.discovery.sorted(by: { $0.key < $1.key }) where (nextListing[name] ?? now) <= now {
            nextListing[name] = now + template.every.timeInterval
            guard let lister = providers.lister(for: template.accountSettings) else { continue }
            let listed: [ListedSIM]
            do {
                listed = try await lister.listSIMs(now: now)
            } catch {
                logger.warning("account \(name): SIM listing failed, nothing changes: \(error)")
                continue
            }
            let before = known[name] ?? []
            let outcome = SIMDiscovery.apply(listed, to: before, configured: Self.writtenICCIDs(file, account: name))
            guard outcome.kept != before else { continue }
            do {
                try store.discovered.replace(account: name, with: outcome.kept)
            } catch {
                logger.error("account \(name): cannot keep the discovered SIMs, nothing changes: \(error)")
                continue
            }
            known[name] = outcome.kept
            for sim in outcome.added {
                logger.notice("account \(name): discovered \(SIMDiscovery.lineID(account: name, iccid: sim.iccid))")
            }
            for sim in outcome.retired {
                logger.notice(
                    "account \(name): retired \(SIMDiscovery.lineID(account: name, iccid: sim.iccid)), missing from \(SIMDiscovery.retireAfter) listings"
                )
            }
            if !outcome.added.isEmpty || !outcome.retired.isEmpty { changed = true }
        }
        return changed
    }
}

extension AccountDiscoverer {
    /// The ICCIDs the configuration's own lines of `account` watch: not discovered again.
    static func writtenICCIDs(_ config: Config, account: String) -> Set<String> {
        Set(config.lines.filter { $0.account == account }.compactMap { $0.provider.accountICCID })
    }
}
