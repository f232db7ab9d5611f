DROP TABLE IF EXISTS margin_calls CASCADE;
CREATE TABLE margin_calls (ticket bigserial PRIMARY KEY, account_id bigint NOT NULL, margin_ratio numeric(10, 6) NOT NULL);
