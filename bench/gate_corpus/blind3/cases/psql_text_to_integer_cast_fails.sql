SET lock_timeout = '2s';
ALTER TABLE users ALTER COLUMN display_name TYPE integer USING display_name::integer;
