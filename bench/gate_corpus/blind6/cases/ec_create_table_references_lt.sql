BEGIN;
-- mix ecto.migrate --log-migrations-sql
SET lock_timeout = '2s';
CREATE TABLE kyc_documents (id bigserial PRIMARY KEY, kyc_check_id integer NOT NULL REFERENCES kyc_checks (id) ON DELETE CASCADE, kind text NOT NULL, uploaded_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX kyc_documents_kyc_check_id_index ON kyc_documents (kyc_check_id);
COMMIT;
