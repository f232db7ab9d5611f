BEGIN;
UPDATE markets SET status = 'delis