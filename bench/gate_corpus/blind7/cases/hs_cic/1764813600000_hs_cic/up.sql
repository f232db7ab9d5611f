CREATE INDEX CONCURRENTLY "liquidations_liquidated_at_idx" on "public"."liquidations" using btree ("liquidated_at");
