-- migrate:up
GRANT SELECT ON loans, collateral_positions, margin_calls TO lend_risk;

-- migrate:down
REVOKE SELECT ON loans, collateral_positions, margin_calls FROM lend_risk;
