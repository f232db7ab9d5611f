-- Add migration script here
CREATE TABLE positions_archive (LIKE positions INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
