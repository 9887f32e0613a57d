import Foundation

/// The embedded store: one SQLite file, with report content sealed by a `Sealer`.
public final class SQLiteCaseStore: CaseStore {
    let database: SQLiteDatabase
    let sealer: Sealer
    let rules: CaseRules

    /// Opens (creating when needed) the database at `path`, applies pending migrations, and
    /// checks that `sealer` holds the data key this database was created with. Changes to cases
    /// follow `rules`.
    public init(path: String, sealer: Sealer, rules: CaseRules) throws {
        self.database = try SQLiteDatabase(path: path) { connection in
            try Self.checkDataKey(sealer.keyFingerprint, path: path, connection: connection)
        }
        self.sealer = sealer
        self.rules = rules
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

    public func close() async {
        await database.close()
    }

    public func ping() async throws {
        try await database.perform { connection in
            _ = try connection.query("SELECT 1", operation: "health check")
        }
        try await database.checkWritable()
    }

    public func syncEntities(_ entities: [Entity]) async throws {
        let (sealer, rules) = (self.sealer, self.rules)
        try await database.write("sync entities") { connection in
            for entity in entities {
                try connection.query(
                    """
                    INSERT INTO entities (id, name, country, time_zone) VALUES (?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, country = excluded.country,
                        time_zone = excluded.time_zone
                    """,
                    [.text(entity.id), .text(entity.name), .text(entity.country.rawValue), .text(entity.timeZone)],
                    operation: "sync entity")
            }
            // Cases of an entity that left the configuration could be neither routed nor timed;
            // say so at start-up rather than fail each scheduler sweep. (Entities are never
            // deleted, so each earlier one is looked up once, by index.)
            let configured = Set(entities.map(\.id))
            for row in try connection.query("SELECT id FROM entities", operation: "read entities") {
                let id = try row.text("id")
                guard !configured.contains(id) else { continue }
                let used = try connection.query(
                    "SELECT 1 AS used FROM cases WHERE entity_id = ? LIMIT 1", [.text(id)],
                    operation: "find cases of entity")
                if !used.isEmpty { throw ConfigurationMismatch(entityID: id) }
            }
            try Self.routeCasesStoredBeforeRouting(rules: rules, sealer: sealer, connection: connection)
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
