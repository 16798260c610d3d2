public import SimwatchCore

/// A provider's secret that cannot be read fails its poll as `unauthorized`, with the resolver's message and hint.
extension SecretResolver {
    /// The secret's text, or `unauthorized`.
    public func providerSecret(_ source: SecretSource) throws(ProviderError) -> String {
        do {
            return try read(source)
        } catch {
            throw ProviderError(.unauthorized, error.description)
        }
    }

    /// The secret's file (for a script told where it is), or `unauthorized`.
    public func providerSecretPath(_ source: SecretSource) throws(ProviderError) -> String {
        do {
            return try path(of: source)
        } catch {
            throw ProviderError(.unauthorized, error.description)
        }
    }
}
