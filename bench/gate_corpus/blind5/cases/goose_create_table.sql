-- +goose Up
-- +goose StatementBegin
CREATE TABLE IF NOT EXISTS interest_rate_changes (
    id BIGSERIAL PRIMARY KEY,
    product_id SMALLINT NOT NULL,
    old_bps INTEGER NOT NULL,
    new_bps INTEGER NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- +goose StatementEnd

-- +goose Down
DROP TABLE interest_rate_changes;
