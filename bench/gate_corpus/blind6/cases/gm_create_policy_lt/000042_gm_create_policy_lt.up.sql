SET lock_timeout = '2s';
CREATE POLICY wallets_desk_read ON wallets FOR SELECT USING (true);
