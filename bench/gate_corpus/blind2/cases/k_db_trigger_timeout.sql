-- migrate:up
SET lock_timeout = '2s';
CREATE FUNCTION withdrawals_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.note := coalesce(NEW.note, ''); RETURN NEW; END $$;
CREATE TRIGGER withdrawals_touch BEFORE UPDATE ON withdrawals FOR EACH ROW EXECUTE FUNCTION withdrawals_touch();

-- migrate:down
DROP TRIGGER withdrawals_touch ON withdrawals;
