INSERT INTO loan_products (code, principal_asset, max_ltv_bps, margin_call_ltv_bps, liquidation_ltv_bps, base_apr_bps) VALUES ('USDC-SOL-30', 'USDC', 3000, 5500, 7000, 1100);
