import CSQLite
import Foundation
import TrustCenter

/// One open SQLite database handle. It owns the `sqlite3` pointer and closes it in `deinit`.
///
/// Not thread-safe by itself: `SQLiteDatabase` confines every use to its one serial queue.
final class SQLiteConnection {
    private var handle: OpaquePointer?

    init(path: String) throws(SQLiteError) {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw SQLiteError(code: code, message: message, operation: "open database \(path)")
        }
        self.handle = db
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        close()
    }

    func close() {
        guard let handle else { return }
        // close_v2 defers the close until every statement is finalized; statements are
        // finalized as soon as each call finishes, so this closes at once.
        sqlite3_close_v2(handle)
        self.handle = nil
    }

    private func open(for operation: String) throws(SQLiteError) -> OpaquePointer {
        guard let handle else {
            throw SQLiteError(code: SQLITE_MISUSE, message: "database is closed", operation: operation)
        }
        return handle
    }

    /// Runs SQL text that binds nothing: schema steps and pragmas. Never pass values in it.
    func executeScript(_ sql: String, operation: String) throws(SQLiteError) {
        let db = try open(for: operation)
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(db, sql, nil, nil, &errorMessage)
        if code != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(db))
            sqlite3_free(errorMessage)
            throw SQLiteError(code: code, message: message, operation: operation)
        }
    }

    /// Runs one statement with bound values and returns its rows.
    @discardableResult
    func query(_ sql: String, _ bindings: [SQLiteValue] = [], operation: String) throws(SQLiteError) -> [SQLiteRow] {
        let db = try open(for: operation)
        let statement = try SQLiteStatement(db: db, sql: sql, operation: operation)
        try statement.bind(bindings)
        return try statement.rows()
    }

    /// The rowid of the last row inserted on this connection.
    var lastInsertRowID: Int64 {
        handle.map { sqlite3_last_insert_rowid($0) } ?? 0
    }

    /// Rows changed by every statement since the connection opened.
    var totalChanges: Int {
        handle.map { Int(sqlite3_total_changes($0)) } ?? 0
    }

    /// Rows changed by the last statement.
    var changes: Int {
        handle.map { Int(sqlite3_changes($0)) } ?? 0
    }

    /// Runs `body` in `BEGIN IMMEDIATE … COMMIT`, rolling back when it throws: all of it is
    /// written, or none of it. IMMEDIATE takes the write lock at once, so two writers never
    /// deadlock halfway.
    func transaction<T>(_ operation: String, _ body: () throws -> T) throws -> T {
        try executeScript("BEGIN IMMEDIATE", operation: operation)
        do {
            let result = try body()
            try executeScript("COMMIT", operation: operation)
            return result
        } catch {
            try? executeScript("ROLLBACK", operation: operation)
            throw error
        }
    }

    func setBusyTimeout(milliseconds: Int32) {
        if let handle { sqlite3_busy_timeout(handle, milliseconds) }
    }
}
