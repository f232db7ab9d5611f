REVOKE SELECT ON markets FROM perp_reader;
