BEGIN;
-- mix ecto.migrate --log-migrations-sql
COMMENT ON TABLE "staking_validators" IS 'validators we run or delegate to';
COMMIT;
