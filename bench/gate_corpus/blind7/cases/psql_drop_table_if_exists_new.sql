CREATE TABLE IF NOT EXISTS scratch_recon (id bigint);
INSERT INTO scratch_recon SELECT id FROM liquidations WHERE position_id IS NULL;
DROP TABLE IF EXISTS scratch_recon;
