/// The schema, as numbered migrations. Append new steps; never edit a step that has shipped.
///
/// What queries need stays in clear: category, status, entity, dates, clocks. Report answers,
/// reporter contact details, messages, notes, event details, routing, notice recipients, the
/// handling record and corrective actions are
/// sealed blobs (see `Sealer`); who may see a case is kept as keyed hashes of email addresses.
/// (`cases.assignee_id` from version 1 is no longer used: the owner is in the sealed routing.)
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
        SQLiteMigration(
            version: 3, name: "routing, clocks, notices, notifications",
            sql: """
                ALTER TABLE cases ADD COLUMN routing BLOB;
                ALTER TABLE cases ADD COLUMN restricted INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE cases ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE cases ADD COLUMN awareness_at INTEGER;

                CREATE TABLE case_access (
                    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
                    person_key BLOB NOT NULL,
                    excluded INTEGER NOT NULL DEFAULT 0 CHECK (excluded IN (0, 1)),
                    PRIMARY KEY (case_id, person_key)
                ) STRICT, WITHOUT ROWID;
                CREATE INDEX case_access_by_person ON case_access (person_key, case_id);

                CREATE TABLE clocks (
                    id INTEGER PRIMARY KEY,
                    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('running', 'paused', 'met', 'stopped')),
                    started_at INTEGER NOT NULL,
                    due_at INTEGER NOT NULL,
                    due_date TEXT,
                    extended INTEGER NOT NULL DEFAULT 0,
                    paused_at INTEGER,
                    paused_days INTEGER NOT NULL DEFAULT 0,
                    ended_at INTEGER
                ) STRICT;
                CREATE INDEX clocks_by_case ON clocks (case_id, id);
                CREATE INDEX clocks_running_by_due ON clocks (due_at) WHERE state IN ('running', 'paused');

                CREATE TABLE clock_stages (
                    id INTEGER PRIMARY KEY,
                    clock_id INTEGER NOT NULL REFERENCES clocks(id) ON DELETE CASCADE,
                    sequence INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    label TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    notify TEXT NOT NULL,
                    repeat_seconds INTEGER,
                    fired_at INTEGER,
                    error TEXT
                ) STRICT;
                CREATE INDEX clock_stages_by_clock ON clock_stages (clock_id, at);
                CREATE INDEX clock_stages_due ON clock_stages (at) WHERE fired_at IS NULL;

                CREATE TABLE notices (
                    id INTEGER PRIMARY KEY,
                    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    clock TEXT,
                    due_at INTEGER,
                    created_at INTEGER NOT NULL,
                    recipient_key BLOB NOT NULL,
                    recipient BLOB NOT NULL,
                    delivery TEXT NOT NULL DEFAULT 'pending' CHECK (delivery IN ('pending', 'sent', 'failed')),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at INTEGER,
                    last_reply TEXT,
                    sent_at INTEGER
                ) STRICT;
                CREATE INDEX notices_by_recipient ON notices (recipient_key, id);
                CREATE INDEX notices_to_deliver ON notices (next_attempt_at) WHERE delivery = 'pending';

                CREATE TABLE regulator_notifications (
                    id INTEGER PRIMARY KEY,
                    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
                    stage TEXT NOT NULL CHECK (stage IN ('initial', 'supplement', 'final')),
                    notified_at INTEGER NOT NULL,
                    officer_id INTEGER NOT NULL REFERENCES officers(id),
                    detail BLOB NOT NULL
                ) STRICT;
                CREATE INDEX regulator_notifications_by_case ON regulator_notifications (case_id, id);

                -- Cases stored before this version get routed once, at the next start-up.
                INSERT INTO store_meta (name, value)
                SELECT 'route-stored-cases', x'01' WHERE EXISTS (SELECT 1 FROM cases);
                """
        ),
        SQLiteMigration(
            version: 4, name: "handling record, corrective actions",
            sql: """
                -- The sealed handling record: account, assessments, decisions, identity, answer, outcome.
                ALTER TABLE cases ADD COLUMN handling BLOB;

                CREATE TABLE case_actions (
                    id INTEGER PRIMARY KEY,
                    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
                    owner_key BLOB NOT NULL,
                    due_date TEXT NOT NULL,
                    due_at INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,
                    done_at INTEGER,
                    detail BLOB NOT NULL
                ) STRICT;
                CREATE INDEX case_actions_by_case ON case_actions (case_id, id);
                CREATE INDEX case_actions_open_by_due ON case_actions (due_at) WHERE done_at IS NULL;

                -- An action's clock names its action; other clocks have none.
                ALTER TABLE clocks ADD COLUMN action_id INTEGER REFERENCES case_actions(id);
                """
        ),
        SQLiteMigration(
            version: 5, name: "versions, reference serials, reserved identifiers",
            sql: """
                -- Every batch that changes a case moves its version on; one that read an older
                -- version conflicts. Cases from now on seal their content to their id, which the
                -- core holds before the store numbers the case; earlier ones stay sealed to their
                -- reference.
                ALTER TABLE cases ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
                ALTER TABLE cases ADD COLUMN sealed_by_id INTEGER NOT NULL DEFAULT 0 CHECK (sealed_by_id IN (0, 1));

                -- The last serial given out in each year: references without MAX(serial) + 1.
                CREATE TABLE case_serials (
                    year INTEGER PRIMARY KEY,
                    last INTEGER NOT NULL
                ) STRICT;
                INSERT INTO case_serials (year, last) SELECT year, MAX(serial) FROM cases GROUP BY year;

                -- The next identifier of each kind of row not yet reserved by any writer.
                CREATE TABLE reserved_identifiers (
                    kind TEXT PRIMARY KEY,
                    next INTEGER NOT NULL
                ) STRICT;
                INSERT INTO reserved_identifiers (kind, next) VALUES
                    ('case', (SELECT COALESCE(MAX(id), 0) + 1 FROM cases)),
                    ('event', (SELECT COALESCE(MAX(id), 0) + 1 FROM case_events)),
                    ('note', (SELECT COALESCE(MAX(id), 0) + 1 FROM case_notes)),
                    ('message', (SELECT COALESCE(MAX(id), 0) + 1 FROM case_messages)),
                    ('clock', (SELECT COALESCE(MAX(id), 0) + 1 FROM clocks)),
                    ('stage', (SELECT COALESCE(MAX(id), 0) + 1 FROM clock_stages)),
                    ('notice', (SELECT COALESCE(MAX(id), 0) + 1 FROM notices)),
                    ('notification', (SELECT COALESCE(MAX(id), 0) + 1 FROM regulator_notifications)),
                    ('action', (SELECT COALESCE(MAX(id), 0) + 1 FROM case_actions));
                """
        ),
    ]
}
