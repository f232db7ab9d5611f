DROP VIEW account_equity;
