-- Your SQL goes here
CREATE TABLE webhook_logs (id BIGSERIAL PRIMARY KEY, body JSON NOT NULL);
ALTER TABLE webhook_logs ALTER COLUMN body TYPE JSONB;
