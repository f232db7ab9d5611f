DROP POLICY wallets_desk_read ON wallets;
