-- depends: 20261201_01_perps

CREATE INDEX CONCURRENTLY audit_events_account_idx ON audit_events (account_id);
