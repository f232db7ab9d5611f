-- migrate:up
GRANT SELECT ON pending_withdrawals TO PUBLIC;

-- migrate:down
REVOKE SELECT ON pending_withdrawals FROM PUBLIC;
