SET lock_timeout = '3s';
SET statement_timeout = '15min';
REINDEX TABLE orders;
