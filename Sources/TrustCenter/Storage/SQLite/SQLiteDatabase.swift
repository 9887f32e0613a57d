import CSQLite
import Dispatch
import Foundation

/// The single connection to a Trust Center database file, and the one serial queue on which it
/// is used. Every read and write runs there, off Swift's cooperative thread pool, because SQLite
/// calls block (a commit waits for fsync). One connection means one writer.
///
/// Opening sets the durability pragmas: WAL with `synchronous=FULL`, so that a commit that has
/// returned survives power loss; foreign keys on; a busy timeout for other processes (such as
/// `trustd officer add` while the daemon runs); `secure_delete`, so deleted content is overwritten.
public final class SQLiteDatabase: @unchecked Sendable {
    // @unchecked Sendable, reviewed: `connection` is touched only inside `queue.async` blocks
    // (and in `init` before the instance is shared), so it is never used from two threads at once.
    private let queue: DispatchQueue
    private let connection: SQLiteConnection
    public let path: String

    /// Opens (creating when needed) the file and migrates it.
    public convenience init(path: String) throws {
        try self.init(path: path, prepare: { _ in })
    }

    /// Opens the file and migrates it; `prepare` then runs once with the connection, before the
    /// database is shared.
    init(path: String, prepare: (SQLiteConnection) throws -> Void) throws {
        self.path = path
        self.queue = DispatchQueue(label: "trustcenter.sqlite")
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        try Self.ensurePrivateFile(path)
        self.connection = try SQLiteConnection(path: path)
        connection.setBusyTimeout(milliseconds: 5_000)
        try Self.configure(connection)
        try SQLiteMigrator(migrations: SQLiteSchema.migrations).migrate(connection)
        try prepare(connection)
    }

    /// Creates the file with mode 0600 before SQLite opens it (SQLite gives the -wal and -shm
    /// files the same mode), and refuses an existing file that others can read.
    static func ensurePrivateFile(_ path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if fd >= 0 {
            Foundation.close(fd)
            return
        }
        guard errno == EEXIST else {
            throw SQLiteError(
                code: SQLITE_CANTOPEN, message: String(cString: strerror(errno)), operation: "create database \(path)")
        }
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & 0o077 != 0 {
            throw SQLiteError(
                code: SQLITE_PERM,
                message: "database file is readable by others (mode \(String(info.st_mode & 0o777, radix: 8))); "
                    + "run: chmod 600 \(path)",
                operation: "open database \(path)")
        }
    }

    private static func configure(_ connection: SQLiteConnection) throws {
        let mode = try connection.query("PRAGMA journal_mode=WAL", operation: "enable WAL")
        guard let first = mode.first, (try? first.text("journal_mode")) == "wal" else {
            throw SQLiteError(code: SQLITE_ERROR, message: "journal mode WAL not accepted", operation: "enable WAL")
        }
        try connection.executeScript(
            """
            PRAGMA synchronous=FULL;
            PRAGMA foreign_keys=ON;
            PRAGMA secure_delete=ON;
            PRAGMA trusted_schema=OFF;
            """,
            operation: "configure connection"
        )
    }

    /// Runs `body` with the connection on the database's queue.
    func perform<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body(self.connection) })
            }
        }
    }

    /// Runs `body` in one write transaction on the database's queue.
    func write<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (SQLiteConnection) throws -> T)
        async throws -> T
    {
        try await perform { connection in
            try connection.transaction(operation) { try body(connection) }
        }
    }

    /// Checkpoints the WAL into the main file and closes the handle. Later calls fail with
    /// "database is closed".
    public func close() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async {
                try? self.connection.executeScript("PRAGMA wal_checkpoint(TRUNCATE)", operation: "checkpoint")
                self.connection.close()
                continuation.resume()
            }
        }
    }

    /// Reads a pragma's current value, for checks and diagnostics.
    public func pragma(_ name: SQLitePragma) async throws -> String {
        try await perform { connection in
            let rows = try connection.query("PRAGMA \(name.rawValue)", operation: "read pragma")
            guard let value = rows.first?.columns.values.first else { return "" }
            switch value {
            case .integer(let number): return String(number)
            case .text(let text): return text
            default: return ""
            }
        }
    }
}

/// The pragmas that may be read back; a fixed list, so no name is ever taken from input.
public enum SQLitePragma: String, Sendable {
    case journalMode = "journal_mode"
    case synchronous
    case foreignKeys = "foreign_keys"
    case secureDelete = "secure_delete"
}
