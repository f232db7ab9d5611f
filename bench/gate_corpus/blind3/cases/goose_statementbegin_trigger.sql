-- +goose Up
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION margin_accounts_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version + 1;
    RETURN NEW;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER margin_accounts_bump_version BEFORE UPDATE ON margin_accounts FOR EACH ROW EXECUTE FUNCTION margin_accounts_bump_version();
