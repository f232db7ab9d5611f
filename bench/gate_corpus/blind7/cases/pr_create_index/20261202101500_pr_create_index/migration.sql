-- CreateIndex
CREATE INDEX "audit_events_kind_at_idx" ON "audit_events"("kind", "at");
