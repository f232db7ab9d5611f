-- +goose Up
-- +goose StatementBegin
CREATE TABLE mark_history (market_id smallint NOT NULL, at timestamptz NOT NULL, price numeric(28, 10) NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE mark_history_2026_12 PARTITION OF mark_history FOR VALUES FROM ('2026-12-01 00:00+00') TO ('2027-01-01 00:00+00');
CREATE INDEX mark_history_market_idx ON mark_history (market_id, at);
-- +goose StatementEnd

-- +goose Down
DROP TABLE mark_history;
