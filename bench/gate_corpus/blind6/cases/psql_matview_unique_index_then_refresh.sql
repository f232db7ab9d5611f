CREATE UNIQUE INDEX CONCURRENTLY counterparty_exposure_cp_idx ON counterparty_exposure (counterparty_id);
REFRESH MATERIALIZED VIEW CONCURRENTLY counterparty_exposure;
