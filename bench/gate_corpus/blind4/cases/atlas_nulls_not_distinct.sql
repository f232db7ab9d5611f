-- atlas:txmode none

CREATE UNIQUE INDEX CONCURRENTLY "withdrawals_address_key" ON "public"."withdrawals" ("address") NULLS NOT DISTINCT;
