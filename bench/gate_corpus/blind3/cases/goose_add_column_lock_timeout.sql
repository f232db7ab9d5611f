-- +goose Up
SET lock_timeout = '2s';
ALTER TABLE liquidations ADD COLUMN insurance_covered numeric(38, 8);
