ALTER TABLE accounts VALIDATE CONSTRAINT accounts_referrer_fk;
