import Foundation

/// The embedded store: one SQLite file, with report content sealed by a `Sealer`.
public final class SQLiteCaseStore: CaseStore {
    let database: SQLiteDatabase
    let sealer: Sealer

    /// Opens (creating when needed) the database at `path` and applies pending migrations.
    public init(path: String, sealer: Sealer) throws {
        self.database = try SQLiteDatabase(path: path)
        self.sealer = sealer
    }

    public func close() async {
        await database.close()
    }

    public func ping() async throws {
        try await database.perform { connection in
            _ = try connection.query("SELECT 1", operation: "health check")
        }
    }

    public func syncEntities(_ entities: [Entity]) async throws {
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
        }
    }
}
