-- The history store: one row per server, statement texts stored once, one row of compressed facts per snapshot.
CREATE TABLE servers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL
);

CREATE TABLE statement_texts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    server_id bigint NOT NULL REFERENCES servers (id),
    text_hash text NOT NULL,
    query text NOT NULL,
    last_seen_at timestamptz NOT NULL,
    UNIQUE (server_id, text_hash)
);

-- The key includes collected_at so that TimescaleDB can partition the table by time.
CREATE TABLE snapshots (
    id bigint GENERATED ALWAYS AS IDENTITY,
    server_id bigint NOT NULL REFERENCES servers (id),
    collected_at timestamptz NOT NULL,
    server_version text NOT NULL,
    statement_count integer NOT NULL,
    statements bytea NOT NULL,
    facts bytea NOT NULL,
    PRIMARY KEY (id, collected_at)
);
CREATE INDEX snapshots_server_time ON snapshots (server_id, collected_at);

-- No foreign key to snapshots: that table may be a TimescaleDB hypertable.
CREATE TABLE analyses (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    snapshot_id bigint NOT NULL,
    saved_at timestamptz NOT NULL,
    report bytea NOT NULL
);
CREATE INDEX analyses_snapshot ON analyses (snapshot_id);
