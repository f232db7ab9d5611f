DROP TYPE "public"."quote_side";
