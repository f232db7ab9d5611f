REINDEX TABLE api_keys;
