CREATE ROLE reporting_ro_v42;
GRANT SELECT ON shop_invoice TO reporting_ro_v42;
