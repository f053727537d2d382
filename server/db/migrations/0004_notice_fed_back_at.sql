ALTER TABLE "notices" ADD COLUMN "fed_back_at" timestamp with time zone;--> statement-breakpoint
UPDATE "notices" SET "fed_back_at" = (SELECT max(a."at") FROM "audit_events" a WHERE a."entity_type" = 'notice' AND a."action" = 'notice.feedback' AND a."entity_id" = "notices"."id"::text) WHERE "feedback" IS NOT NULL;
