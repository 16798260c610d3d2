/// Which modem ModemManager should use: the one whose SIM has `iccid`, or whose operator is `operatorName`; the only
/// modem when neither is set. The ModemManager source and the SMS channel choose their modem alike.
public struct ModemChoice: Sendable, Hashable {
    /// 18 to 22 digits; one side may carry the Luhn check digit and the other not.
    public var iccid: String?
    /// Operator name (case-insensitive, e.g. "Orange F") or MCC+MNC code (e.g. "20801").
    public var operatorName: String?

    public init(iccid: String? = nil, operatorName: String? = nil) {
        self.iccid = iccid
        self.operatorName = operatorName
    }
}

/// Why no modem was chosen. The descriptions are what users read in poll failures and delivery errors.
public enum ModemLookupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bus, or ModemManager on it, did not answer (not running, not installed, the call timed out).
    case bus(DBusError)
    /// ModemManager runs but knows no modem (unplugged, not yet probed).
    case noModem
    /// Several modems and nothing in the settings to choose between them.
    case ambiguous(count: Int)
    /// No modem's SIM has the ICCID or operator asked for; `seen` describes those there are.
    case noMatch(seen: [String])

    public var description: String {
        switch self {
        case .bus(let error): "\(error)"
        case .noModem: "ModemManager knows no modem"
        case .ambiguous(let count): "\(count) modems: set `iccid` or `operator` to choose one"
        case .noMatch(let seen): "no modem matches; found \(seen.joined(separator: ", "))"
        }
    }
}

/// ModemManager's names on the system bus, and how a modem is chosen among those it manages.
public enum ModemLookup {
    public static let service = "org.freedesktop.ModemManager1"
    public static let root = "/org/freedesktop/ModemManager1"
    public static let modemInterface = "org.freedesktop.ModemManager1.Modem"
    public static let simInterface = "org.freedesktop.ModemManager1.Sim"
    public static let gppInterface = "org.freedesktop.ModemManager1.Modem.Modem3gpp"
    public static let messagingInterface = "org.freedesktop.ModemManager1.Modem.Messaging"
    public static let smsInterface = "org.freedesktop.ModemManager1.Sms"

    /// The object path of the modem `choice` names (blocking: call on a worker thread).
    public static func find(_ bus: DBusConnection, _ choice: ModemChoice) throws(ModemLookupError) -> String {
        let objects: [String: DBusValue]
        do {
            objects =
                try bus.call(service, root, "org.freedesktop.DBus.ObjectManager", "GetManagedObjects").first?.dict
                ?? [:]
        } catch {
            throw .bus(error)
        }
        let modems = objects.filter { $0.value.dict?[modemInterface] != nil }.sorted { $0.key < $1.key }
        guard !modems.isEmpty else { throw .noModem }
        if choice.iccid == nil, choice.operatorName == nil {
            guard modems.count == 1 else { throw .ambiguous(count: modems.count) }
            return modems[0].key
        }
        var seen: [String] = []
        for (path, interfaces) in modems {
            let modem = interfaces.dict?[modemInterface]?.dict ?? [:]
            let gpp = interfaces.dict?[gppInterface]?.dict ?? [:]
            var sim: [String: DBusValue] = [:]
            if let simPath = modem["Sim"]?.string, simPath != "/" {
                sim = (try? bus.properties(service, simPath, simInterface)) ?? [:]
            }
            let iccid = sim["SimIdentifier"]?.string ?? ""
            let operators = [
                sim["OperatorName"]?.string, sim["OperatorIdentifier"]?.string, gpp["OperatorName"]?.string,
                gpp["OperatorCode"]?.string,
            ].compactMap { $0 }.filter { !$0.isEmpty }
            seen.append("\(path) (ICCID \(iccid.isEmpty ? "?" : iccid), \(operators.joined(separator: "/")))")
            if let wanted = choice.iccid {
                // One side may carry the Luhn check digit and the other not.
                guard !iccid.isEmpty, iccid.hasPrefix(wanted) || wanted.hasPrefix(iccid) else { continue }
            }
            if let wanted = choice.operatorName?.lowercased() {
                guard operators.contains(where: { $0.lowercased() == wanted }) else { continue }
            }
            return path
        }
        throw .noMatch(seen: seen)
    }
}
