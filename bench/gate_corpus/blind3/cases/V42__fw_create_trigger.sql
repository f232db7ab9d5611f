CREATE FUNCTION positions_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.mark_price := coalesce(NEW.mark_price, NEW.entry_price);
  RETURN NEW;
END $$;
CREATE TRIGGER positions_touch BEFORE INSERT ON positions FOR EACH ROW EXECUTE FUNCTION positions_touch();
