import Glibc
import SimwatchCore
import Testing

@testable import SimwatchAdapterKit

@Suite struct SecretResolverTests {
    /// A fresh private directory.
    static func directory() -> String {
        var template = Array("/tmp/simwatch-resolver-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    /// `bytes` in `dir/name` with the given mode.
    static func file(_ bytes: [UInt8], mode: mode_t, in dir: String = directory(), name: String = "secret") -> String {
        let path = dir + "/" + name
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        chmod(path, mode)
        return path
    }

    static func file(_ text: String, mode: mode_t = 0o600) -> String {
        file(Array(text.utf8), mode: mode)
    }

    static func failure(_ body: () throws(SecretResolver.Failure) -> String) -> SecretResolver.Failure? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    let resolver = SecretResolver(environment: [:])

    @Test func trailingNewlinesAndSpacesAreTrimmedButNotLeadingOnes() throws {
        #expect(try resolver.read(.file(Self.file("tok-123\n"))) == "tok-123")
        #expect(try resolver.read(.file(Self.file("tok-123\r\n \t\n"))) == "tok-123")
        #expect(try resolver.read(.file(Self.file(" a b\n"))) == " a b")
        #expect(try resolver.read(.file(Self.file("0400", mode: 0o400))) == "0400")
    }

    @Test func aFileOthersMayReadIsRefusedNamingKeyAndFileNotContent() throws {
        for mode: mode_t in [0o640, 0o604, 0o660, 0o644, 0o700 | 0o001] {
            let path = Self.file("s3cret-value", mode: mode)
            let error = try #require(
                Self.failure { () throws(SecretResolver.Failure) in try resolver.read(.file(path)) }
            )
            #expect(error.message.contains("`secret_file` \(path) is readable by others"))
            #expect(error.hint == "chmod 600 \(path)")
            #expect(!error.description.contains("s3cret"))
        }
        let path = Self.file("s3cret-value", mode: 0o640)
        let error = try #require(
            Self.failure { () throws(SecretResolver.Failure) in try resolver.read(.file(path), keys: .token) }
        )
        #expect(error.message.hasPrefix("`token_file` \(path)"))
    }

    @Test func aFileOfAnotherUserIsRefused() throws {
        // Only root can give a file away; as anyone else, ownership is this user's and the check is moot.
        guard geteuid() == 0 else { return }
        let path = Self.file("s3cret-value", mode: 0o600)
        #expect(chown(path, 65534, 65534) == 0)
        let error = try #require(Self.failure { () throws(SecretResolver.Failure) in try resolver.read(.file(path)) })
        #expect(error.message.contains("belongs to another user"))
    }

    @Test func aMissingFileADirectoryAndAFIFOAreRefusedAtOnce() throws {
        let dir = Self.directory()
        let missing = try #require(
            Self.failure { () throws(SecretResolver.Failure) in try resolver.read(.file(dir + "/nope")) }
        )
        #expect(missing.message == "`secret_file` \(dir)/nope: cannot read: No such file or directory")
        let directory = try #require(
            Self.failure { () throws(SecretResolver.Failure) in try resolver.read(.file(dir)) }
        )
        #expect(directory.message.contains("is not a regular file"))
        // Without O_NONBLOCK this open would wait for a writer forever.
        #expect(mkfifo(dir + "/fifo", 0o600) == 0)
        let fifo = try #require(
            Self.failure { () throws(SecretResolver.Failure) in try resolver.read(.file(dir + "/fifo")) }
        )
        #expect(fifo.message.contains("is not a regular file"))
    }

    @Test func anEmptyFileIsRefused() throws {
        let path = Self.file("\n\n")
        let error = try #require(Self.failure { () throws(SecretResolver.Failure) in try resolver.read(.file(path)) })
        #expect(error.message == "`secret_file` \(path) is empty")
    }

    @Test func anOversizeFileIsRefusedNotCut() throws {
        let limit = SecretResolver.maximumBytes
        let exact = Self.file([UInt8](repeating: UInt8(ascii: "a"), count: limit), mode: 0o600)
        #expect(try resolver.read(.file(exact)).utf8.count == limit)
        let over = Self.file([UInt8](repeating: UInt8(ascii: "a"), count: limit + 1), mode: 0o600)
        let error = try #require(Self.failure { () throws(SecretResolver.Failure) in try resolver.read(.file(over)) })
        #expect(error.message.contains("is larger than 256 KiB"))
    }

    @Test func homeIsExpandedOnlyWhenSet() throws {
        let dir = Self.directory()
        _ = Self.file(Array("from-home".utf8), mode: 0o600, in: dir, name: "s")
        let home = SecretResolver(environment: ["HOME": dir])
        #expect(try home.read(.file("~/s")) == "from-home")
        #expect(try home.path(of: .file("~/s")) == dir + "/s")
        let error = try #require(Self.failure { () throws(SecretResolver.Failure) in try resolver.read(.file("~/s")) })
        #expect(error.message.contains("HOME is not set"))
    }

    @Test func credentialsComeFromTheCredentialsDirectoryWithoutTheModeCheck() throws {
        let dir = Self.directory()
        // systemd makes the directory private; the file's own mode is its business.
        _ = Self.file(Array("cred-value\n".utf8), mode: 0o644, in: dir, name: "api")
        let systemd = SecretResolver(environment: ["CREDENTIALS_DIRECTORY": dir])
        #expect(try systemd.read(.credential("api")) == "cred-value")
        let unset = try #require(
            Self.failure { () throws(SecretResolver.Failure) in try resolver.read(.credential("api"), keys: .token) }
        )
        #expect(unset.message == "`token_credential` api: $CREDENTIALS_DIRECTORY is not set")
        #expect(unset.hint?.contains("LoadCredential=api:PATH") == true)
        let missing = try #require(
            Self.failure { () throws(SecretResolver.Failure) in try systemd.read(.credential("other")) }
        )
        #expect(missing.message.contains("`credential` \(dir)/other: cannot read"))
        let escaping = try #require(
            Self.failure { () throws(SecretResolver.Failure) in try systemd.read(.credential("..")) }
        )
        #expect(escaping.message.contains("not a plain file name"))
    }

    @Test func providersSeeAnUnreadableSecretAsUnauthorized() throws {
        let path = Self.file("s3cret-value", mode: 0o644)
        #expect {
            try resolver.providerSecret(.file(path))
        } throws: { error in
            let e = error as? ProviderError
            return e?.code == .unauthorized && e?.message.contains("chmod 600 \(path)") == true
                && e?.message.contains("s3cret") == false
        }
        #expect(throws: ProviderError.self) { try resolver.providerSecretPath(.credential("x")) }
    }
}
