/// Settings of any type behind a protocol (a source's, a channel's), equal when of the same type with equal values:
/// what lets `Line` and `ChannelSettings` stay `Hashable` (a reload compares them) while the core knows only the
/// protocol. `AnyProviderSettings` and `AnyChannelKind` add what their protocol tells.
public struct AnySettings<Base: Sendable>: Sendable, Hashable {
    /// The settings themselves.
    public let base: Base
    /// The settings as `AnyHashable` (which is not `Sendable`, so made when needed).
    private let key: @Sendable () -> AnyHashable

    init(base: Base, key: @escaping @Sendable () -> AnyHashable) {
        self.base = base
        self.key = key
    }

    /// The settings, if they are of type `kind`.
    public func `as`<Kind>(_ kind: Kind.Type) -> Kind? {
        base as? Kind
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.key() == rhs.key()
    }

    public func hash(into hasher: inout Hasher) {
        key().hash(into: &hasher)
    }
}
