import SimwatchChannels
import SimwatchConfig
import SimwatchCore
import SimwatchModel
import SimwatchProviders
import Testing

/// `[daemon] shard = "K/N"`: every line watched by exactly one shard, by a hash that never changes.
@Suite struct ShardTests {
    static func config(_ shard: String?, lines: Int) throws(ConfigError) -> Config {
        var text = shard.map { "[daemon]\nshard = \"\($0)\"\n" } ?? ""
        for i in 0..<lines {
            text += "[[line]]\nid = \"esim-\(i)\"\n[line.plan]\nquota = \"1GB\"\n[line.provider]\ntype = \"demo\"\n"
        }
        return try Config.parse(
            text: text,
            path: "config.toml",
            environment: ["TZ": "UTC"],
            sources: ProviderCatalog.all,
            channels: ChannelCatalog.all
        )
    }

    @Test func everyLineIsWatchedByExactlyOneShard() throws {
        let all = Set(try Self.config(nil, lines: 300).lines.map(\.id))
        for count in [1, 2, 3, 7] {
            var seen: [String: Int] = [:]
            for k in 1...count {
                let config = try Self.config("\(k)/\(count)", lines: 300)
                #expect(config.configuredLines == 300)
                for line in config.lines { seen[line.id, default: 0] += 1 }
                // Roughly even: no shard of 300 lines over N gets less than half its share.
                #expect(config.lines.count >= 300 / count / 2)
            }
            #expect(Set(seen.keys) == all && seen.values.allSatisfy { $0 == 1 })
        }
    }

    @Test func theHashIsFNV1aAndNeverChanges() {
        // Published FNV-1a 64 test vectors: a line stays in its shard on every version and machine.
        #expect(Shard.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(Shard.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(Shard.hash("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test(
        arguments: [
            ("0/4", "out of range"), ("5/4", "out of range"), ("1/5000", "out of range"), ("1/0", "out of range"),
            ("1-4", "is not a shard"), ("a/b", "is not a shard"), ("1/4/2", "is not a shard"), ("", "is not a shard"),
            ("99999999999999999999/1", "is not a shard"),
        ]
    )
    func aBadShardIsNamedWithItsKey(text: String, message: String) {
        do {
            _ = try Self.config(text, lines: 1)
            Issue.record("\(text) accepted")
        } catch {
            let lines = error.diagnostics.map(\.description)
            #expect(lines.count == 1 && lines[0].contains("`shard`") && lines[0].contains(message), "\(lines)")
        }
    }

    @Test func spacesAroundTheNumbersAreFine() throws {
        #expect(try Shard(parsing: " 2 / 4 ") == Shard(index: 2, count: 4))
    }
}
