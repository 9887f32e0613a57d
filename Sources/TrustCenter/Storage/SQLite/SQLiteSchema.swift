/// The schema, as numbered migrations. Append new steps; never edit a step that has shipped.
///
/// What queries need stays in clear: category, status, entity, dates, assignee. Report answers,
/// reporter contact details, messages, notes and event details are sealed blobs (see `Sealer`).
/// Times are whole seconds since 1970, UTC.
enum SQLiteSchema {
    static let migrations: [SQLiteMigration] = [
        SQLiteMigration(
            version: 1, name: "cases, officers, entities",
            sql: """
                CREATE TABLE entities (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    country TEXT NOT NULL CHECK (country IN ('NO', 'SE', 'DK')),
                    time_zone TEXT NOT NULL
                ) STRICT;

                CREATE TABLE officers (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    email TEXT NOT NULL COLLATE NOCASE UNIQUE,
                    role TEXT NOT NULL,
                    token_hash BLOB NOT NULL UNIQUE,
                    created_at INTEGER NOT NULL,
                    revoked_at INTEGER
                ) STRICT;

                CREATE TABLE cases (
                    id INTEGER PRIMARY KEY,
                    year INTEGER NOT NULL,
                    serial INTEGER NOT NULL,
                    category TEXT NOT NULL,
                    status TEXT NOT NULL,
                    entity_id TEXT NOT NULL REFERENCES entities(id),
                    received_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    assignee_id INTEGER REFERENCES officers(id),
                    follow_up_key_hash BLOB NOT NULL UNIQUE,
                    report BLOB NOT NULL,
                    reporter BLOB NOT NULL,
                    UNIQUE (year, serial)
                ) STRICT;
                CREATE INDEX cases_by_status ON cases (status, received_at);
                CREATE INDEX cases_by_category ON cases (category, received_at);
                CREATE INDEX cases_by_entity ON cases (entity_id, received_at);

                CREATE TABLE case_events (
                    id INTEGER PRIMARY KEY,
                    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
                    at INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    actor TEXT NOT NULL CHECK (actor IN ('reporter', 'system', 'officer')),
                    officer_id INTEGER REFERENCES officers(id),
                    detail BLOB NOT NULL
                ) STRICT;
                CREATE INDEX case_events_by_case ON case_events (case_id, id);

                CREATE TABLE case_notes (
                    id INTEGER PRIMARY KEY,
                    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
                    officer_id INTEGER NOT NULL REFERENCES officers(id),
                    at INTEGER NOT NULL,
                    body BLOB NOT NULL
                ) STRICT;
                CREATE INDEX case_notes_by_case ON case_notes (case_id, id);

                CREATE TABLE case_messages (
                    id INTEGER PRIMARY KEY,
                    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
                    direction TEXT NOT NULL CHECK (direction IN ('to-reporter', 'from-reporter')),
                    officer_id INTEGER REFERENCES officers(id),
                    at INTEGER NOT NULL,
                    body BLOB NOT NULL
                ) STRICT;
                CREATE INDEX case_messages_by_case ON case_messages (case_id, id);
                """
        ),
        SQLiteMigration(
            version: 2, name: "data key check",
            sql: """
                CREATE TABLE store_meta (
                    name TEXT PRIMARY KEY,
                    value BLOB NOT NULL
                ) STRICT;
                """
        ),
    ]
}
