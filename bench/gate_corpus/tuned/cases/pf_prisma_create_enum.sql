-- CreateEnum
CREATE TYPE "OrderKind" AS ENUM ('LIMIT', 'MARKET');
