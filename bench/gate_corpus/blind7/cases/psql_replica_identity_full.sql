SET lock_timeout = '2s';
ALTER TABLE positions REPLICA IDENTITY FULL;
