import FoundationEssentials
import FuzzSupport
import SimwatchAdapterKit

@testable import SimwatchCore
@testable import SimwatchProviders

// The answers of the HTTP sources, after JSON parsing: the generic JSON source (with each date format and a unit
// scale, as a configuration sets them), Airalo's usage answer and 1NCE's quota answer.

let now = Date(timeIntervalSince1970: 1_795_132_800)
let paris = (try? ZoneInfo(identifier: "Europe/Paris")) ?? .utc
let fields = JSONSourceSettings.Fields(
    remaining: "/data/remaining",
    used: "/data/used",
    total: "/data/total",
    expires: "/data/expires_at",
    status: "/data/status",
    unlimited: "/data/unlimited",
    updatedAt: "/data/updated_at",
    credit: "/data/credit"
)
let http = HTTPClientContext(transport: nil, secrets: SecretResolver(environment: [:]))
let sources = JSONSourceSettings.DateFormat.allCases.map { format in
    JSONSourceProvider(
        settings: JSONSourceSettings(
            url: "http://127.0.0.1:9/usage",
            fields: fields,
            unitBytes: format == .iso8601 ? 1 : 1_048_576,
            dateFormat: format,
            timeZone: paris,
            statusMap: ["ok": .active, "blocked": .notActive],
            currency: "EUR"
        ),
        http: http
    )
}
let line = Line(
    id: "l1",
    name: "l1",
    provider: sources[0].settings,
    plan: PlanSettings(),
    rules: [],
    pollInterval: .hours(1)
)
let request = ReadRequest(line: line, period: nil, now: now, attempt: 0)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let root = try? JSONNode(parsing: FuzzInput(data, size).bytes) else { return 0 }
    for source in sources { _ = try? source.reading(root, request: request) }
    _ = try? AiraloProvider.reading(root, request: request, zone: paris)
    _ = try? OneNCEProvider.reading(root, request: request)
    return 0
}

FuzzDriver.run(fuzz)
