DELETE FROM outbox WHERE published_at IS NOT NULL;
