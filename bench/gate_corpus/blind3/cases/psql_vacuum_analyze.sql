VACUUM (ANALYZE) margin_accounts;
