-- DropTable
DROP TABLE "fee_schedules";
