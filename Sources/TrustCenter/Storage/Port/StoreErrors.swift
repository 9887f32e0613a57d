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

/// A write batch could not be applied as it stands, and nothing of it was kept: a case changed
/// since it was read (its version moved on), a stage had already fired, an action was already
/// done, a notice was not in the state the batch expected, or a unique value (an officer's
/// email, a token hash) is taken. The caller reads again and decides anew; "try again" is the
/// usual answer, and the ledger gives it itself a few times before saying so.
public struct StoreConflict: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was expected, in a few words: "case 12 at version 4", "stage 80 unfired".
    public var expectation: String

    public init(_ expectation: String) {
        self.expectation = expectation
    }

    public var description: String { "conflict, try again: expected \(expectation)" }
}

/// A stored value the store cannot read back: an unknown enumeration value (a newer or
/// damaged database) or a column of the wrong type. Names the column, never its content.
public struct RowError: Error, Sendable, CustomStringConvertible {
    public var column: String
    public var problem: String

    public init(column: String, problem: String) {
        self.column = column
        self.problem = problem
    }

    public var description: String { "stored column \(column) \(problem)" }
}
