CREATE TABLE IF NOT EXISTS oracle_sources (
    id serial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    weight numeric(5, 4) NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS oracle_sources_weight_idx ON oracle_sources (weight);
