SET lock_timeout = '2s';
DROP TABLE IF EXISTS knex_migrations_lock;
