-- Your SQL goes here
CREATE TABLE validator_uptime (
    validator_id INTEGER NOT NULL,
    epoch INTEGER NOT NULL,
    attested BOOLEAN NOT NULL,
    PRIMARY KEY (validator_id, epoch)
);
