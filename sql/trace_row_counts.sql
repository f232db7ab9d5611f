-- pgtune check --trace: rows the traced session's open transaction has inserted, updated and deleted so far in
-- each table (pg_stat_xact_user_tables counts them as they happen, uncommitted and in subtransactions alike), read
-- before and after each statement: the statement's own counts, whatever its command tag says.
SELECT relid, n_tup_ins, n_tup_upd, n_tup_del
FROM pg_stat_xact_user_tables
WHERE n_tup_ins + n_tup_upd + n_tup_del > 0;
