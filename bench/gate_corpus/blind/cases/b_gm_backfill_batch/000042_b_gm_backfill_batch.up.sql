UPDATE payments SET state = 'unknown' WHERE id IN (SELECT id FROM payments WHERE state IS NULL LIMIT 50);
