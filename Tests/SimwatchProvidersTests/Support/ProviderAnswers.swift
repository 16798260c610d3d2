import FoundationEssentials
import SimwatchCore
import SimwatchProviders
import Testing

/// What the tests of providers' answers share: a read request of an Airalo line, a parsed answer, whether an
/// error is a malformed read naming the field.
enum ProviderAnswers {
    static let t0 = Date(timeIntervalSince1970: 1_795_132_800)

    static func request() -> ReadRequest {
        let settings = AiraloProviderSettings(iccid: "8944465400000000000", clientID: "id", secret: .file("/none"))
        let line = Line(
            id: "l1",
            name: "l1",
            provider: settings,
            plan: PlanSettings(),
            rules: [],
            pollInterval: .hours(1)
        )
        return ReadRequest(line: line, period: nil, now: t0, attempt: 0)
    }

    static func node(_ json: String) throws -> JSONNode {
        try JSONNode(parsing: Array(json.utf8))
    }

    static func isMalformed(_ error: any Error, _ message: String) -> Bool {
        guard let error = error as? ProviderError else { return false }
        return error.code == .malformed && error.message.contains(message)
    }
}
