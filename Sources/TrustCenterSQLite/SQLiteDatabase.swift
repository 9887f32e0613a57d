import CSQLite
import Dispatch
import Foundation
import Synchronization
import TrustCenter
import TrustCenter

/// The connections to a Trust Center database file, each used on its own serial queue, off
/// Swift's cooperative thread pool, because SQLite calls block (a commit waits for fsync). One
/// connection writes; a second one reads, so that in WAL mode readers never wait behind the
/// writer's fsync.
///
/// Writes are committed in groups: the batches waiting when the writer is free go into one
/// transaction, each in a savepoint of its own, and one fsync makes them all durable. A batch
/// that fails rolls back to its savepoint and fails only its own caller; each caller is answered
/// after the commit, so nothing is acknowledged before it is durable.
///
/// Opening sets the durability pragmas: WAL with `synchronous=FULL`, so that a commit that has
/// returned survives power loss; foreign keys on; a busy timeout for other processes (such as
/// `trustd officer add` while the daemon runs); `secure_delete`, so deleted content is overwritten.
public final class SQLiteDatabase: @unchecked Sendable {
    // @unchecked Sendable, reviewed: `connection` is touched only inside `queue.async` blocks
    // (and in `init` before the instance is shared), so it is never used from two threads at once.
    private let queue: DispatchQueue
    private let connection: SQLiteConnection
    /// The read connection and its queue; touched only on `readQueue` after `init`.
    private let readQueue: DispatchQueue
    private let reader: SQLiteConnection
    /// Writes waiting for the next group commit.
    private let waitingWrites = Mutex<[WaitingWrite]>([])
    /// Most batches one group commit takes, so that no caller waits behind an unbounded group.
    static let maximumGroup = 256
    public let path: String
    /// Why the last write failed for want of space or I/O, until a write succeeds; touched only
    /// on `queue`, like `connection`.
    private var writeFailure: StoreUnavailable?

    /// Opens (creating when needed) the file and migrates it.
    public convenience init(path: String) throws {
        try self.init(path: path, prepare: { _ in })
    }

    /// Opens the file and migrates it; `prepare` then runs once with the connection, before the
    /// database is shared.
    ///
    /// A file that was there before must be a whole Trust Center database: an empty file, one
    /// without the schema, one SQLite cannot read, or one whose pages fail `PRAGMA quick_check`
    /// is refused with a `DatabaseFileProblem` naming it, before anything is written to it.
    init(path: String, prepare: (SQLiteConnection) throws -> Void) throws {
        self.path = path
        self.queue = DispatchQueue(label: "trustcenter.sqlite")
        self.readQueue = DispatchQueue(label: "trustcenter.sqlite.read")
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let created = try Self.ensurePrivateFile(path)
        do {
            self.connection = try SQLiteConnection(path: path)
        } catch {
            if created { unlink(path) }
            throw error
        }
        do {
            connection.setBusyTimeout(milliseconds: 5_000)
            if !created { try Self.checkExisting(connection, path: path) }
            try Self.configure(connection)
            try SQLiteMigrator(migrations: SQLiteSchema.migrations).migrate(connection)
            try prepare(connection)
            reader = try SQLiteConnection(path: path)
            reader.setBusyTimeout(milliseconds: 5_000)
            try reader.executeScript(
                "PRAGMA foreign_keys=ON; PRAGMA trusted_schema=OFF; PRAGMA query_only=ON",
                operation: "configure read connection")
        } catch let error as SQLiteError where [SQLITE_CORRUPT, SQLITE_NOTADB].contains(error.code & 0xFF) {
            connection.close()
            throw DatabaseFileProblem(
                path: path,
                problem: "is damaged or not a database (SQLite: \(error.message)): restore it from a backup, "
                    + "or name the right database.path")
        } catch {
            connection.close()
            // A first start that failed half-way leaves no empty file to be mistaken for a lost database.
            if created { Self.removeUnfinished(path) }
            throw error
        }
    }

    /// Removes a database this start created and could not finish, with its WAL and index files.
    private static func removeUnfinished(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    }

    /// Creates the file with mode 0600 before SQLite opens it (SQLite gives the -wal and -shm
    /// files the same mode); true when it was created. An existing file must pass
    /// `checkExistingFile`.
    static func ensurePrivateFile(_ path: String) throws -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if fd >= 0 {
            Foundation.close(fd)
            return true
        }
        guard errno == EEXIST else {
            throw SQLiteError(
                code: SQLITE_CANTOPEN, message: String(cString: strerror(errno)), operation: "create database \(path)")
        }
        try checkExistingFile(path)
        return false
    }

    /// Refuses a database path that exists but is not a regular file, that others can read, or
    /// that is empty; nothing when there is no file. trustd asks before it makes a data key, so
    /// that no key is ever made beside a file that cannot be its database.
    public static func checkExistingFile(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw DatabaseFileProblem(path: path, problem: "cannot be read (\(String(cString: strerror(errno))))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw DatabaseFileProblem(path: path, problem: "is not a file (a directory or device is in its place)")
        }
        if info.st_mode & 0o077 != 0 {
            throw SQLiteError(
                code: SQLITE_PERM,
                message: "database file is readable by others (mode \(String(info.st_mode & 0o777, radix: 8))); "
                    + "run: chmod 600 \(path)",
                operation: "open database \(path)")
        }
        if info.st_size == 0 {
            throw DatabaseFileProblem(
                path: path,
                problem: "is empty (0 bytes), so it holds no Trust Center: restore the database from a backup, "
                    + "or, to start a new trust center, move it and the key file away")
        }
    }

    /// An existing file must have the schema and pass `quick_check`, which reads every page
    /// (docs/performance.md gives its cost).
    private static func checkExisting(_ connection: SQLiteConnection, path: String) throws {
        let tables = try connection.query(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('schema_migrations', 'store_meta')",
            operation: "read schema of \(path)")
        guard tables.count == 2 else {
            throw DatabaseFileProblem(
                path: path,
                problem: "is an SQLite file without the Trust Center schema: name the right database.path, "
                    + "or restore the database from a backup")
        }
        let findings = try connection.query("PRAGMA quick_check(5)", operation: "check \(path)")
            .compactMap { try? $0.text("quick_check") }
        guard findings == ["ok"] else {
            throw DatabaseFileProblem(
                path: path,
                problem:
                    "is damaged (quick_check: \(findings.first.map { PlainText.quoted($0, limit: 120) } ?? "no answer")): "
                    + "restore it from a backup")
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

    /// Runs `body` with the connection on the database's queue. A full disk or a failing write
    /// is `StoreUnavailable` (a transaction rolled back, nothing kept), remembered until a write
    /// succeeds again.
    func perform<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try self.watchingWrites { try body(self.connection) } })
            }
        }
    }

    /// Runs `body` with the read connection on its own queue. It sees every commit that
    /// returned before it began, and never waits for the writer.
    func read<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            readQueue.async {
                continuation.resume(with: Result { try body(self.reader) })
            }
        }
    }

    /// Runs `body` in the next group commit, in a savepoint of its own: a failure of `body`
    /// undoes only what `body` wrote and fails only this call. Returns after the group's commit.
    func groupedWrite<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let result = Mutex<T?>(nil)
            let write = WaitingWrite(
                run: { connection in
                    let value = try body(connection)
                    result.withLock { $0 = value }
                },
                finish: { error in
                    if let error { return continuation.resume(throwing: error) }
                    guard let value = result.withLock({ $0 }) else {
                        return continuation.resume(throwing: StoreUnavailable(reason: "writing failed"))
                    }
                    continuation.resume(returning: value)
                })
            let first = waitingWrites.withLock { waiting in
                waiting.append(write)
                return waiting.count == 1
            }
            if first { queue.async { self.commitWaitingWrites() } }
        }
    }

    /// On `queue`: commits the writes waiting now (at most `maximumGroup`) in one transaction.
    private func commitWaitingWrites() {
        let group = waitingWrites.withLock { waiting in
            let taken = Array(waiting.prefix(Self.maximumGroup))
            waiting.removeFirst(taken.count)
            if !waiting.isEmpty { queue.async { self.commitWaitingWrites() } }
            return taken
        }
        guard !group.isEmpty else { return }
        var failures = [(any Error)?](repeating: nil, count: group.count)
        do {
            try watchingWrites {
                try connection.executeScript("BEGIN IMMEDIATE", operation: "group commit")
                do {
                    for (index, write) in group.enumerated() {
                        try connection.executeScript("SAVEPOINT batch", operation: "begin batch")
                        do {
                            try write.run(connection)
                            try connection.executeScript("RELEASE batch", operation: "end batch")
                        } catch {
                            // A full disk is no fault of the batch: the whole group fails (SQLite
                            // may have rolled the transaction back already).
                            if let failure = error as? SQLiteError, Self.unavailable(failure) != nil { throw error }
                            try connection.executeScript("ROLLBACK TO batch; RELEASE batch", operation: "undo batch")
                            failures[index] = error
                        }
                    }
                    try connection.executeScript("COMMIT", operation: "group commit")
                } catch {
                    try? connection.executeScript("ROLLBACK", operation: "group commit")
                    throw error
                }
            }
        } catch {
            failures = failures.map { _ in error }
        }
        for (write, failure) in zip(group, failures) { write.finish(failure) }
    }

    /// Runs `body` in one write transaction on the database's queue.
    func write<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (SQLiteConnection) throws -> T)
        async throws -> T
    {
        try await perform { connection in
            try connection.transaction(operation) { try body(connection) }
        }
    }

    /// On `queue`: runs `body`, turning a failure to write into `StoreUnavailable`.
    private func watchingWrites<T>(_ body: () throws -> T) throws -> T {
        let changesBefore = connection.totalChanges
        do {
            let result = try body()
            if connection.totalChanges != changesBefore { writeFailure = nil }
            return result
        } catch let error as SQLiteError {
            guard let unavailable = Self.unavailable(error) else { throw error }
            writeFailure = unavailable
            throw unavailable
        }
    }

    /// The failure, when `error` means that nothing can be written now rather than that this
    /// change is wrong: SQLITE_FULL (the disk or the page limit) and SQLITE_IOERR (a failed write
    /// or fsync).
    static func unavailable(_ error: SQLiteError) -> StoreUnavailable? {
        switch error.code & 0xFF {
        case SQLITE_FULL: StoreUnavailable(reason: "the disk is full", detail: error.description)
        case SQLITE_IOERR: StoreUnavailable(reason: "writing failed", detail: error.description)
        default: nil
        }
    }

    /// Throws while writes fail. After a failure it tries a write of its own, 64 KiB that need
    /// new pages as a report does (written and removed in one transaction), so that the health
    /// check sees the room come back even when nothing else writes, as when a load balancer has
    /// stopped sending reports.
    func checkWritable() async throws {
        try await perform { connection in
            guard self.writeFailure != nil else { return }
            try connection.transaction("check that writes work") {
                try connection.query(
                    "INSERT INTO store_meta (name, value) VALUES ('write-check', zeroblob(65536))",
                    operation: "check that writes work")
                try connection.query(
                    "DELETE FROM store_meta WHERE name = 'write-check'", operation: "check that writes work")
            }
        }
    }

    /// Checkpoints the WAL into the main file and closes the handle. Later calls fail with
    /// "database is closed".
    public func close() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            readQueue.async {
                self.reader.close()
                continuation.resume()
            }
        }
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

/// A batch waiting for the next group commit: what it writes, and how its caller is answered.
private struct WaitingWrite: Sendable {
    let run: @Sendable (SQLiteConnection) throws -> Void
    let finish: @Sendable ((any Error)?) -> Void
}

/// The pragmas that may be read back; a fixed list, so no name is ever taken from input.
public enum SQLitePragma: String, Sendable {
    case journalMode = "journal_mode"
    case synchronous
    case foreignKeys = "foreign_keys"
    case secureDelete = "secure_delete"
}

/// The database file is there but cannot be used: empty, not a Trust Center database, or damaged.
public struct DatabaseFileProblem: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var problem: String

    public var description: String { "database \(path) \(problem)" }
}
