-- Set comment to column: "outstanding" on table: "loans"
COMMENT ON COLUMN "loans"."outstanding" IS 'principal still owed, in the principal asset';
