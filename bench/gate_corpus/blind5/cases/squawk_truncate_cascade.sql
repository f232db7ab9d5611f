SET lock_timeout = '2s';
TRUNCATE customers CASCADE;
