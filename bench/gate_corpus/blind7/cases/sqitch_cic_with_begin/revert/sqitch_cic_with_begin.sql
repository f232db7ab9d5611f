-- Revert perps:sqitch_cic_with_begin from pg

BEGIN;
DROP INDEX liquidations_loss_idx;
COMMIT;
