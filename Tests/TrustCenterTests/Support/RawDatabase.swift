import CSQLite
import Foundation

/// Reads a database file behind the store's back, the way an attacker with a copy of the file
/// would: raw column values and raw file bytes.
enum RawDatabase {
    /// Every value of `column` in `table`, as bytes.
    static func values(path: String, table: String, column: String) throws -> [Data] {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let db else {
            throw RawDatabaseError.cannotOpen
        }
        defer { sqlite3_close_v2(db) }
        // Table and column come from the test's own fixed strings.
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, "SELECT \(column) FROM \(table)", -1, &statement, nil) == SQLITE_OK else {
            throw RawDatabaseError.cannotQuery(String(cString: sqlite3_errmsg(db)))
        }
        defer { sqlite3_finalize(statement) }
        var values: [Data] = []
        while sqlite3_step(statement) == SQLITE_ROW {
            let count = Int(sqlite3_column_bytes(statement, 0))
            if let bytes = sqlite3_column_blob(statement, 0) {
                values.append(Data(bytes: bytes, count: count))
            } else {
                values.append(Data())
            }
        }
        return values
    }

    /// Runs a statement the test wrote itself, to set up a state the store would never make.
    static func execute(path: String, _ sql: String) throws {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let db else {
            throw RawDatabaseError.cannotOpen
        }
        defer { sqlite3_close_v2(db) }
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
            throw RawDatabaseError.cannotQuery(String(cString: sqlite3_errmsg(db)))
        }
    }

    /// The bytes of the database file and its WAL, where the newest pages live until a checkpoint.
    static func fileBytes(path: String) -> Data {
        [path, path + "-wal"].compactMap { FileManager.default.contents(atPath: $0) }.reduce(Data(), +)
    }
}

enum RawDatabaseError: Error {
    case cannotOpen
    case cannotQuery(String)
}
