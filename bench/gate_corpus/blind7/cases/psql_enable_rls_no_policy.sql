SET lock_timeout = '2s';
ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
