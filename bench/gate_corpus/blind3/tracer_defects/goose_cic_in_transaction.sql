-- +goose Up
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_users_country ON users (country);
