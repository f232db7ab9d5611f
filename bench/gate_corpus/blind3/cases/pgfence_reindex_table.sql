REINDEX TABLE margin_accounts;
