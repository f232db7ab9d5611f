DROP SEQUENCE "public"."trade_ref_seq";
