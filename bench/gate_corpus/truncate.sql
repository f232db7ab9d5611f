SET lock_timeout = '3s';
SET statement_timeout = '15min';
TRUNCATE orders_staging;
