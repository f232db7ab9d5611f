-- Deploy exchange:comment_ledger to pg

BEGIN;

COMMENT ON TABLE journal_lines IS 'double-entry lines; every entry balances';

COMMIT;
