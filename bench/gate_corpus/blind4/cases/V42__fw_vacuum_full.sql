VACUUM FULL outbox;
