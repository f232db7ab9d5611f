GRANT SELECT ON loans, collateral_positions, loan_health TO lend_readonly;
