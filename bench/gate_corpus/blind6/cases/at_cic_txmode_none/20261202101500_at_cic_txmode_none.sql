-- atlas:txmode none

CREATE INDEX CONCURRENTLY idx_rfqs_status ON rfqs (status);
