CREATE OR REPLACE VIEW open_rfqs AS
    SELECT r.id, c.legal_name, r.base_asset, r.quote_asset, r.side, r.quantity, r.expires_at
    FROM rfqs r JOIN counterparties c ON c.id = r.counterparty_id WHERE r.status IN ('open', 'quoted');
