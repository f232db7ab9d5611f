SET lock_timeout = '3s';
SET statement_timeout = '15min';
ALTER TABLE trades DETACH PARTITION trades_2026_10;
