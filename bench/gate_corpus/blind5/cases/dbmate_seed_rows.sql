-- migrate:up
INSERT INTO loan_products (code, principal_asset, max_ltv_bps, margin_call_ltv_bps, liquidation_ltv_bps, base_apr_bps) VALUES ('EUR-ETH-40', 'EUR', 4000, 6500, 8000, 820);

-- migrate:down
DELETE FROM loan_products WHERE code = 'EUR-ETH-40';
