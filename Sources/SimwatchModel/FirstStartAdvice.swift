import Glibc

/// What to tell a user who has no configuration file yet: where the example is and where to copy it. simwatchd
/// logs it (to the journal) when it starts without one, and `simwatchctl status` prints it when simwatchd cannot be
/// reached for that reason, so a fresh install says what to do instead of failing in a restart loop.
///
/// The example is looked for beside the installed binaries, so the advice names a file that is really there:
/// `PREFIX/share/doc/simwatch/examples/` (the Debian package, `make dist`), then `PREFIX/share/doc/simwatch/`
/// (`make install`).
public enum FirstStartAdvice {
    /// simwatchd's exit status when its configuration file does not exist (sysexits.h's EX_NOINPUT). The unit
    /// lists it in `RestartPreventExitStatus=`: restarting cannot help until the user copies the example.
    public static let exitStatus: Int32 = 66

    /// The example configurations the installs put down, relative to the prefix (the directory above `bin/`).
    public static let exampleCandidates = [
        "share/doc/simwatch/examples/simwatch.example.toml",
        "share/doc/simwatch/simwatch.example.toml",
    ]

    /// `$XDG_CONFIG_HOME/simwatch/config.toml`, else `~/.config/simwatch/config.toml`: simwatchd's default (the same
    /// rule as `Config.defaultPath`, repeated here because simwatchctl carries no configuration loader).
    public static func defaultConfigPath(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/simwatch/config.toml" }
        return (environment["HOME"] ?? "/") + "/.config/simwatch/config.toml"
    }

    /// The first example of an install whose binary is `executable` (`/usr/bin/simwatchd` → `/usr/share/...`) that
    /// `exists` accepts; nil when there is none.
    public static func example(executable: String, exists: (String) -> Bool) -> String? {
        var parts = executable.split(separator: "/", omittingEmptySubsequences: false)
        guard executable.hasPrefix("/"), parts.count >= 3 else { return nil }
        parts.removeLast(2)
        let prefix = parts.joined(separator: "/")
        return exampleCandidates.map { prefix + "/" + $0 }.first(where: exists)
    }

    /// The example beside the running binary (found through `/proc/self/exe`); nil when there is none.
    public static func installedExample() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let executable = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return example(executable: executable) { access($0, R_OK) == 0 }
    }

    /// True when `path` does not exist (ENOENT): not for a file that exists but cannot be read, whose own error
    /// says more.
    public static func isMissing(_ path: String) -> Bool {
        access(path, F_OK) != 0 && errno == ENOENT
    }

    /// The advice, as lines: what is missing, the two commands that put the example in place, and how to start.
    /// Paths in the home directory are shown with `~/`, so the commands can be pasted as they are.
    public static func lines(configPath: String, example: String?, home: String?) -> [String] {
        let config = shown(configPath, home: home)
        let directory = shown(
            String(configPath[..<(configPath.lastIndex(of: "/") ?? configPath.startIndex)]),
            home: home
        )
        var out = ["no configuration file at \(config): simwatchd needs one to know your plans."]
        if let example {
            out.append("Copy the example and edit it:")
            out.append("  mkdir -p \(directory) && cp \(shellWord(example)) \(config)")
        } else {
            out.append("Copy the example, config/simwatch.example.toml in the simwatch sources, and edit it:")
            out.append("  mkdir -p \(directory) && cp config/simwatch.example.toml \(config)")
        }
        out.append("  $EDITOR \(config)")
        out.append("then start the service: systemctl --user enable --now simwatch")
        return out
    }

    /// `path` with the home directory as `~` (followed by a shell-quoted rest), or the whole path shell-quoted.
    static func shown(_ path: String, home: String?) -> String {
        if let home, home.count > 1, path.hasPrefix(home + "/") {
            return "~/" + shellWord(String(path.dropFirst(home.count + 1)))
        }
        return shellWord(path)
    }

    /// `word` as the shell reads it back: as it is when every character is plain, else in single quotes.
    static func shellWord(_ word: String) -> String {
        let plain = word.utf8.allSatisfy { c in
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
                || c == UInt8(ascii: "/") || c == UInt8(ascii: ".") || c == UInt8(ascii: "-")
                || c == UInt8(ascii: "_") || c == UInt8(ascii: "+") || c == UInt8(ascii: ",")
        }
        if plain && !word.isEmpty { return word }
        return "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
