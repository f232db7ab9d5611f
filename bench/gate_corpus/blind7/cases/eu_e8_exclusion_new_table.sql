CREATE TABLE maintenance_blackouts (market_id smallint NOT NULL, during tstzrange NOT NULL, EXCLUDE USING gist (during WITH &&));
