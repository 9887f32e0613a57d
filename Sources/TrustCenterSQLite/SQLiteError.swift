import CSQLite

/// A failed SQLite call, with SQLite's result code and message. The message is SQLite's own and
/// never contains bound values, so it carries no report content.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    public var code: Int32
    public var message: String
    /// What Trust Center was doing, such as "open database" or "apply migration 1".
    public var operation: String

    public var description: String { "SQLite error \(code) during \(operation): \(message)" }

    /// True for a UNIQUE or PRIMARY KEY violation.
    public var isConstraintViolation: Bool { code & 0xFF == SQLITE_CONSTRAINT }
}
