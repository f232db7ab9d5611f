-- Add migration script here
CREATE TYPE travel_rule_status AS ENUM ('pending', 'sent', 'acknowledged');
CREATE TABLE travel_rule_messages (
    id BIGSERIAL PRIMARY KEY,
    transfer_id BIGINT NOT NULL,
    status travel_rule_status NOT NULL DEFAULT 'pending'
);
