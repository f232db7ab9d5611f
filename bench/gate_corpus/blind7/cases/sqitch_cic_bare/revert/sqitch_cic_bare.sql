-- Revert perps:sqitch_cic_bare from pg

BEGIN;
DROP INDEX liquidations_loss_idx;
COMMIT;
