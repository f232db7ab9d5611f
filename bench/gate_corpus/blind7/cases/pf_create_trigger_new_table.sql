CREATE TABLE hedge_orders (id bigserial PRIMARY KEY, updated_at timestamptz);
CREATE TRIGGER hedge_orders_touch BEFORE UPDATE ON hedge_orders FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
