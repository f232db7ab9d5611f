ALTER TABLE users VALIDATE CONSTRAINT users_referrer_fk;
