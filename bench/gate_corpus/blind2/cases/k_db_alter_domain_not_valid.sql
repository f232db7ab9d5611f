-- migrate:up
ALTER DOMAIN network_code ADD CONSTRAINT network_code_lower CHECK (VALUE = lower(VALUE)) NOT VALID;

-- migrate:down
ALTER DOMAIN network_code DROP CONSTRAINT network_code_lower;
