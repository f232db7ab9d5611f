ALTER TYPE "public"."payout_status" RENAME TO "payout_state";
