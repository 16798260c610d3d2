import FoundationEssentials
import Glibc
import SimwatchChannels
import SimwatchConfig
import SimwatchCore
import SimwatchProviders
import Testing

/// `[groups.NAME]` + `[[inventory]]` + `[daemon] include`: lines made from a group's settings and a row's fields,
/// and the mistakes across files.
@Suite struct InventoryConfigTests {
    /// A fresh directory holding `files` (name → content); returns its path.
    static func directory(_ files: [String: String]) -> String {
        var template = Array("/tmp/simwatch-inventory-XXXXXX".utf8CString)
        let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        for (name, text) in files {
            if let slash = name.lastIndex(of: "/") { mkdir(path + "/" + name[..<slash], 0o700) }
            _ = FileManager.default.createFile(atPath: path + "/" + name, contents: Data(text.utf8))
        }
        return path
    }

    static func load(_ files: [String: String]) throws(ConfigError) -> Config {
        let dir = directory(files)
        return try Config.load(
            path: dir + "/config.toml",
            environment: ["TZ": "UTC", "HOME": dir],
            sources: ProviderCatalog.all,
            channels: ChannelCatalog.all
        )
    }

    static func problems(_ files: [String: String]) -> [String] {
        do {
            _ = try load(files)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    static let config = """
        [channels.mail]
        type = "email"
        from = "simwatch@example.com"
        to = "ops@example.com"

        [groups.eu]
        channels = ["mail"]
        poll_interval = "2h"
        language = "fr"
        [groups.eu.plan]
        quota = "5GB"
        valid_for = "30d"
        [groups.eu.provider]
        type = "airalo"
        client_id = "reseller"
        secret_file = "/etc/simwatch/airalo"
        [[groups.eu.rule]]
        id = "low"
        kind = "data_below"
        threshold = "500MB"

        [groups.iot]
        [groups.iot.plan]
        quota = "1GB"
        [groups.iot.provider]
        type = "demo"

        [[inventory]]
        file = "fleet.csv"

        [[inventory]]
        file = "~/iot.jsonl"
        group = "iot"
        """

    static let csv = """
        iccid,id,name,recipients,language,group
        89330123456789012345,,Alice,alice@example.com,,eu
        89330123456789012346,bob,Bob,,en,eu

        """

    @Test func rowsBecomeLinesWithTheirGroupsSettings() throws {
        let config = try Self.load([
            "config.toml": Self.config, "fleet.csv": Self.csv,
            "iot.jsonl": "{\"id\": \"s1\"}\n{\"id\": \"s2\", \"name\": \"Sensor 2\"}\n",
        ])
        #expect(config.lines.map(\.id) == ["89330123456789012345", "bob", "s1", "s2"])
        let alice = config.lines[0]
        let bob = config.lines[1]
        #expect(alice.name == "Alice" && alice.language == .fr && bob.language == .en)
        #expect(alice.pollInterval == .hours(2) && alice.plan.quota == ByteCount(bytes: 5_000_000_000))
        #expect(alice.rules.map(\.id) == ["low"] && alice.channels == ["journal", "mail"])
        #expect(alice.email?.to.map(\.address) == ["alice@example.com"] && bob.email == nil)
        // Each row's ICCID reaches its own provider settings; the account's settings are the group's.
        let airalo = try #require(alice.provider.base as? AiraloProviderSettings)
        #expect(airalo.iccid == "89330123456789012345" && airalo.clientID == "reseller")
        #expect((bob.provider.base as? AiraloProviderSettings)?.iccid == "89330123456789012346")
        #expect(config.lines[3].name == "Sensor 2" && config.lines[3].provider.type == "demo")
    }

    @Test func mistakesAcrossTheFilesAreAllReported() {
        let found = Self.problems([
            "config.toml": Self.config + "\n[[line]]\nid = \"bob\"\n[line.plan]\nquota = \"1GB\"\n"
                + "[line.provider]\ntype = \"demo\"\n",
            "fleet.csv": Self.csv + ",nosim,,,,eu\n89330123456789012347,x,,,,europe\n",
            "iot.jsonl": "{\"id\": \"s1\", \"recipients\": [\"a@example.com\"]}\n",
        ])
        #expect(
            found == [
                "duplicate line id `bob`, already at config.toml:35 in record 3, column `id` at fleet.csv:3; "
                    + "every line needs its own id",
                "group `eu` reads each SIM by its ICCID, and this row has none in record 4, column `iccid` at "
                    + "fleet.csv:4; fill its `iccid`",
                "no group `europe` in record 5, column `group` at fleet.csv:5; known groups: eu, iot",
                "recipients, but group `iot` has no email channel in key `recipients` at iot.jsonl:1; "
                    + "add an email channel to the group's `channels`",
            ],
            "\(found)"
        )
    }

    @Test func aBrokenGroupIsReportedOnceNotPerRow() {
        let found = Self.problems([
            "config.toml": Self.config.replacing("client_id = \"reseller\"", with: "client = \"reseller\""),
            "fleet.csv": Self.csv, "iot.jsonl": "",
        ])
        #expect(found.count == 2, "\(found)")
        #expect(found.allSatisfy { $0.contains("in [groups.eu.provider] at config.toml:1") })
    }

    @Test func fragmentsAreReadInNameOrder() throws {
        func fragment(_ id: String) -> String {
            "[[line]]\nid = \"\(id)\"\n[line.plan]\nquota = \"1GB\"\n[line.provider]\ntype = \"demo\"\n"
        }
        let config = try Self.load([
            "config.toml": "[daemon]\ninclude = \"lines.d\"\n",
            "lines.d/20-b.toml": fragment("b"), "lines.d/10-a.toml": fragment("a"),
            "lines.d/.hidden.toml": "junk", "lines.d/notes.txt": "junk",
        ])
        #expect(config.lines.map(\.id) == ["a", "b"])

        let found = Self.problems([
            "config.toml": "[daemon]\ninclude = \"lines.d\"\n" + fragment("a"),
            "lines.d/10-a.toml": fragment("a") + "[channels.x]\ntype = \"ntfy\"\n",
        ])
        #expect(found.count == 2, "\(found)")
        #expect(found.contains { $0.hasPrefix("duplicate line id `a`, already at config.toml:4") })
        #expect(found.contains { $0.hasPrefix("a fragment holds only [[line]] tables, not `channels`") })
        #expect(found.allSatisfy { $0.contains("10-a.toml:") })
        let missing = Self.problems(["config.toml": "[daemon]\ninclude = \"missing.d\"\n"])
        #expect(missing.first?.hasPrefix("`include` = \"missing.d\": cannot list it") == true, "\(missing)")
    }

    @Test func inventoryTableMistakes() {
        let found = Self.problems([
            "config.toml": "[groups.g]\n[groups.g.plan]\nquota = \"1GB\"\n[groups.g.provider]\ntype = \"demo\"\n"
                + "[[inventory]]\nfile = \"fleet.txt\"\n[[inventory]]\nfile = \"none.csv\"\ngroup = \"h\"\n"
                + "[[inventory]]\nfile = \"/dev/zero\"\nformat = \"csv\"\nsheet = 1\n"
        ])
        #expect(found.count == 5, "\(found)")
        #expect(found[0].hasPrefix("cannot tell the format of `fleet.txt`"))
        #expect(found[1].hasPrefix("no group `h`"))
        #expect(found[2].hasPrefix("inventory `none.csv`: cannot read it"))
        #expect(found[3].hasPrefix("unknown key `sheet`"))
        #expect(found[4].hasPrefix("inventory `/dev/zero`: not a regular file"))
    }

    @Test func shardsApplyToInventoryLines() throws {
        var csv = "id,group\n"
        for i in 0..<200 { csv += "sim-\(i),iot\n" }
        var seen: Set<String> = []
        for k in 1...3 {
            let config = try Self.load([
                "config.toml": "[daemon]\nshard = \"\(k)/3\"\n" + Self.config, "fleet.csv": csv, "iot.jsonl": "",
            ])
            #expect(config.configuredLines == 200)
            #expect(config.lines.allSatisfy { Shard(index: k, count: 3).owns($0.id) })
            seen.formUnion(config.lines.map(\.id))
        }
        #expect(seen.count == 200)
    }

    @Test func theFleetExampleIsAccepted() throws {
        let root = String(#filePath).split(separator: "/").dropLast(4).joined(separator: "/")
        let config = try Config.load(
            path: "/" + root + "/config/fleet.example.toml",
            environment: ["TZ": "UTC", "HOME": "/home/ana"],
            sources: ProviderCatalog.all,
            channels: ChannelCatalog.all
        )
        #expect(config.lines.count >= 4)
    }
}
