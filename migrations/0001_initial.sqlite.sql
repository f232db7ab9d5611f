-- The history store: one row per server, statement texts stored once, one row of compressed facts per snapshot.
CREATE TABLE servers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE statement_texts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    server_id INTEGER NOT NULL REFERENCES servers (id),
    text_hash TEXT NOT NULL,
    query TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    UNIQUE (server_id, text_hash)
);

CREATE TABLE snapshots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    server_id INTEGER NOT NULL REFERENCES servers (id),
    collected_at TEXT NOT NULL,
    server_version TEXT NOT NULL,
    statement_count INTEGER NOT NULL,
    statements BLOB NOT NULL,
    facts BLOB NOT NULL
);
CREATE INDEX snapshots_server_time ON snapshots (server_id, collected_at);

-- No foreign key to snapshots: on PostgreSQL that table may become a TimescaleDB hypertable.
CREATE TABLE analyses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    snapshot_id INTEGER NOT NULL,
    saved_at TEXT NOT NULL,
    report BLOB NOT NULL
);
CREATE INDEX analyses_snapshot ON analyses (snapshot_id);
