/// The store cannot write now: its disk is full, or writing fails. Nothing of the change was
/// kept, and the same change may be tried again later; reads still work. Stores throw it from
/// writes and from `ping()` until a write succeeds again, so that the health check says so.
public struct StoreUnavailable: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why, in a few words for the health check: "the disk is full", "writing failed".
    public var reason: String
    /// The store's own error, for the log only; never anything that was stored.
    public var detail: String

    public init(reason: String, detail: String = "") {
        self.reason = reason
        self.detail = detail
    }

    public var description: String { "the store cannot write: \(reason)" }
}
