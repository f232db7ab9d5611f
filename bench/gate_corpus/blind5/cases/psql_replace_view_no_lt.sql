CREATE OR REPLACE VIEW loan_health AS
SELECT l.id AS loan_id, l.customer_id, l.status, l.outstanding, l.current_ltv, p.margin_call_ltv_bps, p.liquidation_ltv_bps,
       l.current_ltv * 10000 >= p.margin_call_ltv_bps AS needs_margin_call, l.matures_on
FROM loans l JOIN loan_products p ON p.id = l.product_id
WHERE l.status IN ('active', 'margin_call', 'liquidating');
