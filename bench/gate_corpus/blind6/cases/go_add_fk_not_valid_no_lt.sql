-- +goose Up
-- +goose StatementBegin
ALTER TABLE trades ADD CONSTRAINT trades_settlement_fee_fk FOREIGN KEY (fee_schedule_id) REFERENCES fee_schedules (id) NOT VALID;
-- +goose StatementEnd
