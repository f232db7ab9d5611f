SET lock_timeout = '2s';
ALTER TABLE customers SET LOGGED;
