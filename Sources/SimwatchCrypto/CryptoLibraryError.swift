/// The system's crypto library is missing, incomplete, or failed a computation.
public struct CryptoLibraryError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
