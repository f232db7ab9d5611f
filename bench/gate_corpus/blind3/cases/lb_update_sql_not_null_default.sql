-- *********************************************************************
-- Update Database Script
-- *********************************************************************
-- Change Log: db/changelog/perp-042.sql
-- Ran at: 12/2/26, 9:30 AM
-- Against: perp_owner@jdbc:postgresql://db.internal:5432/perp
-- Liquibase version: 4.29.2
-- *********************************************************************

-- Lock Database
UPDATE public.databasechangeloglock SET LOCKED = TRUE, LOCKEDBY = 'deploy-7f9c (10.0.3.7)', LOCKGRANTED = NOW() WHERE ID = 1 AND LOCKED = FALSE;

-- Changeset db/changelog/perp-042.sql::42-5::mkovac
SET lock_timeout = '2s';
ALTER TABLE public.risk_limits ADD auto_reduce BOOLEAN DEFAULT FALSE NOT NULL;

INSERT INTO public.databasechangelog (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, DESCRIPTION, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('42-5', 'mkovac', 'db/changelog/perp-042.sql', NOW(), 1, '9:5d1c2e10f', 'sql', '', 'EXECUTED', NULL, NULL, '4.29.2', '4903012345');

-- Release Database Lock
UPDATE public.databasechangeloglock SET LOCKED = FALSE, LOCKEDBY = NULL, LOCKGRANTED = NULL WHERE ID = 1;
