-- Whether the statement pgtune prepared to plan (before 16) outlived the error that stopped its string.
SELECT count(*) AS prepared FROM pg_prepared_statements WHERE name = %(name)s;
