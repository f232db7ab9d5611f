-- AlterTable
ALTER TABLE "users" ADD COLUMN     "telegram_handle" TEXT;
