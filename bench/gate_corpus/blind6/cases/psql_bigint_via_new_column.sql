SET lock_timeout = '2s';
ALTER TABLE kyc_checks ADD COLUMN score_big bigint;
CREATE OR REPLACE FUNCTION kyc_score_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.score_big := NEW.score;
    RETURN NEW;
END
$$;
CREATE TRIGGER kyc_score_sync BEFORE INSERT OR UPDATE ON kyc_checks FOR EACH ROW EXECUTE FUNCTION kyc_score_sync();
