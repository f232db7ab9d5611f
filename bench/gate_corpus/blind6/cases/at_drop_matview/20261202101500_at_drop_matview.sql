DROP MATERIALIZED VIEW "public"."counterparty_exposure";
