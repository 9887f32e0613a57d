/// One step of the schema, applied once and recorded in `schema_migrations`.
struct SQLiteMigration: Sendable {
    let version: Int
    let name: String
    let sql: String
}

/// Applies the pending migrations in order, each with its record, in one `BEGIN IMMEDIATE`
/// transaction: a database is either at the old version or at the new one, never between.
struct SQLiteMigrator {
    let migrations: [SQLiteMigration]

    func migrate(_ connection: SQLiteConnection) throws {
        try connection.executeScript(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
            ) STRICT
            """,
            operation: "create schema_migrations"
        )
        try connection.transaction("apply migrations") {
            let rows = try connection.query(
                "SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations", operation: "read schema version")
            let current = try rows.first?.integer("version") ?? 0
            let newest = migrations.map(\.version).max() ?? 0
            if current > newest {
                throw SQLiteError(
                    code: 1,
                    message: "database schema is at version \(current), newer than this trustd knows (\(newest)); "
                        + "use a newer trustd",
                    operation: "apply migrations")
            }
            for migration in migrations.sorted(by: { $0.version < $1.version }) where migration.version > current {
                let operation = "apply migration \(migration.version) (\(migration.name))"
                try connection.executeScript(migration.sql, operation: operation)
                try connection.query(
                    "INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                    [.integer(Int64(migration.version)), .text(migration.name)],
                    operation: operation)
            }
        }
    }
}
