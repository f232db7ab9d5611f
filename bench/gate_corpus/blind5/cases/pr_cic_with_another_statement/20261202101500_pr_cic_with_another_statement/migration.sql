-- CreateIndex (edited by hand: concurrent)
CREATE INDEX CONCURRENTLY "loans_matures_on_idx" ON "loans"("matures_on");

-- CreateIndex
CREATE INDEX CONCURRENTLY "loans_opened_at_idx" ON "loans"("opened_at");
