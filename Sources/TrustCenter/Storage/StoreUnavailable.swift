/// The store cannot write now: its disk is full, or writing fails. Nothing of the change was
/// kept, and the same change may be tried again later; reads still work. Stores throw it from
/// writes and from `ping()` until a write succeeds again, so that the health check says so.
public struct StoreUnavailable: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why, in words for the log and the health check; never anything that was stored.
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public var description: String { "the store cannot write: \(reason)" }
}
