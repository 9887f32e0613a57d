import CSQLite
import Foundation
import TrustCenter

/// A prepared statement, finalized when it goes out of scope.
final class SQLiteStatement {
    private let db: OpaquePointer
    private let statement: OpaquePointer
    private let operation: String

    init(db: OpaquePointer, sql: String, operation: String) throws(SQLiteError) {
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v2(db, sql, -1, &prepared, nil)
        guard code == SQLITE_OK, let prepared else {
            throw SQLiteError(code: code, message: String(cString: sqlite3_errmsg(db)), operation: operation)
        }
        self.db = db
        self.statement = prepared
        self.operation = operation
    }

    deinit {
        sqlite3_finalize(statement)
    }

    func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        let expected = Int(sqlite3_bind_parameter_count(statement))
        guard expected == values.count else {
            throw SQLiteError(
                code: SQLITE_RANGE, message: "statement takes \(expected) values, got \(values.count)",
                operation: operation)
        }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null:
                code = sqlite3_bind_null(statement, index)
            case .integer(let number):
                code = sqlite3_bind_int64(statement, index, number)
            case .real(let number):
                code = sqlite3_bind_double(statement, index, number)
            case .text(let text):
                // Bound with its byte count, so an embedded NUL cannot cut the value short.
                // utf8CString ends in one NUL and is never empty; the count leaves that NUL out.
                code = text.utf8CString.withUnsafeBufferPointer { bytes in
                    sqlite3_bind_text64(
                        statement, index, bytes.baseAddress, sqlite3_uint64(bytes.count - 1), csqlite_transient(),
                        UInt8(SQLITE_UTF8))
                }
            case .blob(let data):
                code = data.withUnsafeBytes { bytes in
                    // A zero-length blob needs a non-null pointer to be stored as a blob, not NULL.
                    sqlite3_bind_blob64(
                        statement, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                        sqlite3_uint64(bytes.count), csqlite_transient())
                }
            }
            try check(code)
        }
    }

    func rows() throws(SQLiteError) -> [SQLiteRow] {
        var rows: [SQLiteRow] = []
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return rows }
            guard code == SQLITE_ROW else { try check(code); return rows }
            rows.append(currentRow())
        }
    }

    private func currentRow() -> SQLiteRow {
        var columns: [String: SQLiteValue] = [:]
        for index in 0..<sqlite3_column_count(statement) {
            let name = String(cString: sqlite3_column_name(statement, index))
            columns[name] = columnValue(index)
        }
        return SQLiteRow(columns: columns)
    }

    private func columnValue(_ index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(statement, index))
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(statement, index))
            guard let bytes = sqlite3_column_text(statement, index) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, index))
            guard let bytes = sqlite3_column_blob(statement, index), count > 0 else { return .blob(Data()) }
            return .blob(Data(bytes: bytes, count: count))
        default:
            return .null
        }
    }

    private func check(_ code: Int32) throws(SQLiteError) {
        guard code == SQLITE_OK || code == SQLITE_ROW || code == SQLITE_DONE else {
            throw SQLiteError(code: code, message: String(cString: sqlite3_errmsg(db)), operation: operation)
        }
    }
}
