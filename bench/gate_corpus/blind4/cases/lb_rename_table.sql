--liquibase formatted sql

--changeset exchange:42
SET lock_timeout = '2s';
ALTER TABLE referral_payouts RENAME TO referral_rewards;
