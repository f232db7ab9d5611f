UPDATE markets SET status = 'reduce_only' WHERE id IN (20, 30);
