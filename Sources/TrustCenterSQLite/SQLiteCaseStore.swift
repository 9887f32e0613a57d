import Foundation
import TrustCenter

/// The embedded store: one SQLite file. It keeps the records the core hands it (sealed blobs
/// and clear index columns) and decides nothing about them.
public final class SQLiteCaseStore: CaseStore {
    let database: SQLiteDatabase

    /// Opens (creating when needed) the database at `path`, applies pending migrations, and
    /// checks that the data key with this fingerprint is the one this database was created with.
    public init(path: String, keyFingerprint: Data) throws {
        self.database = try SQLiteDatabase(path: path) { connection in
            try Self.checkDataKey(keyFingerprint, path: path, connection: connection)
            try Self.reserveBeyondStoredRows(connection)
        }
    }

    /// Records the key's fingerprint on first use; afterwards refuses any other key, which could
    /// open none of the sealed content and would seal new content under a key nobody keeps.
    static func checkDataKey(_ fingerprint: Data, path: String, connection: SQLiteConnection) throws {
        try connection.transaction("check data key") {
            let stored = try connection.query(
                "SELECT value FROM store_meta WHERE name = 'data-key-check'", operation: "read data key check")
            guard let row = stored.first else {
                try connection.query(
                    "INSERT INTO store_meta (name, value) VALUES ('data-key-check', ?)", [.blob(fingerprint)],
                    operation: "record data key check")
                return
            }
            guard try row.blob("value") == fingerprint else { throw DataKeyMismatch(databasePath: path) }
        }
    }

    /// The tables whose row ids the core reserves, by kind.
    static let identifiedTables: [(RecordKind, String)] = [
        (.case, "cases"), (.event, "case_events"), (.note, "case_notes"), (.message, "case_messages"),
        (.clock, "clocks"), (.stage, "clock_stages"), (.notice, "notices"),
        (.notification, "regulator_notifications"), (.action, "case_actions"),
    ]

    /// Once at start-up: no reserved id may fall on a row already stored (rows put in by hand,
    /// or by a tool, without a reserved id), so each kind's next id is past the table's last row.
    /// A lookup of the last rowid is one step down the table's b-tree.
    static func reserveBeyondStoredRows(_ connection: SQLiteConnection) throws {
        try connection.transaction("check reserved identifiers") {
            for (kind, table) in identifiedTables {
                try connection.query(
                    "INSERT INTO reserved_identifiers (kind, next) VALUES (?, (SELECT COALESCE(MAX(id), 0) + 1 FROM "
                        + table + ")) ON CONFLICT (kind) DO UPDATE SET next = MAX(next, excluded.next)",
                    [.text(kind.rawValue)], operation: "check reserved identifiers")
            }
        }
    }

    /// The one connection is opened in `init`; nothing needs to run.
    public func run() async throws {}

    public func close() async {
        await database.close()
    }

    public func ping() async throws {
        try await database.perform { connection in
            _ = try connection.query("SELECT 1", operation: "health check")
        }
        try await database.checkWritable()
    }

    public func reserveIdentifiers(_ kind: RecordKind, count: Int) async throws -> Range<Int64> {
        try await database.groupedWrite { connection in
            let rows = try connection.query(
                """
                INSERT INTO reserved_identifiers (kind, next) VALUES (?, 1 + ?)
                ON CONFLICT (kind) DO UPDATE SET next = next + ? RETURNING next
                """,
                [.text(kind.rawValue), .integer(Int64(count)), .integer(Int64(count))],
                operation: "reserve identifiers")
            let next = try rows.first?.integer("next") ?? 1
            return (next - Int64(count))..<next
        }
    }

    public func mark(_ name: String) async throws -> Data? {
        try await database.read { connection in
            try connection.query(
                "SELECT value FROM store_meta WHERE name = ?", [.text(name)], operation: "read mark"
            ).first?.blob("value")
        }
    }
}

/// The data key is not the one the database was created with.
public struct DataKeyMismatch: Error, Sendable, CustomStringConvertible {
    public var databasePath: String

    public var description: String {
        "the data key does not belong to database \(databasePath): its sealed content cannot be opened with it. "
            + "Restore the key file that was used with this database (see keyFile in docs/configuration.md)"
    }
}
