INSERT INTO loan_products (code, principal_asset, max_ltv_bps, margin_call_ltv_bps, liquidation_ltv_bps, base_apr_bps)
SELECT 'USDC-ETH-' || g, 'USDC', 4000, 6000, 7500, 800 + g FROM generate_series(1, 15) g;
