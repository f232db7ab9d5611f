SET lock_timeout = '2s';
TRUNCATE mark_price_cache;
