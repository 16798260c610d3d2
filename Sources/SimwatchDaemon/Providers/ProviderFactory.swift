public import SimwatchCore

/// Builds the adapter for a line's provider settings. One place knows every adapter type.
public struct ProviderFactory: Sendable {
    private let overrides: [String: any UsageProvider]

    /// `overrides` replaces the adapter of the named lines (tests script a line's readings this way).
    public init(overrides: [String: any UsageProvider] = [:]) {
        self.overrides = overrides
    }

    public func make(for line: Line) -> any UsageProvider {
        if let provider = overrides[line.id] { return provider }
        switch line.provider {
        case .demo(let demo): return DemoProvider(settings: demo)
        }
    }
}
