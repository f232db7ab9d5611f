SET lock_timeout = '2s';
TRUNCATE margin_calls;
