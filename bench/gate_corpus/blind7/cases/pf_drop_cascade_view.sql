SET lock_timeout = '2s';
DROP VIEW account_equity CASCADE;
