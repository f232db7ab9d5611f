-- Add migration script here
CREATE TABLE hedge_accounts (venue text NOT NULL, sub_account text, UNIQUE NULLS NOT DISTINCT (venue, sub_account));
