/// The simwatch release, shown by `--version` and served by the control API.
public enum SimwatchVersion {
    public static let current = "0.1.0"
}
