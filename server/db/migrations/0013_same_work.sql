CREATE TABLE "same_work_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"region_id" integer NOT NULL,
	"task_a" integer,
	"task_b" integer,
	"indicator_a" integer,
	"indicator_b" integer,
	"plan_a" integer NOT NULL,
	"plan_b" integer NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"score" double precision DEFAULT 0 NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"proposed_by" integer,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "same_work_links" ADD CONSTRAINT "same_work_links_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "same_work_links" ADD CONSTRAINT "same_work_links_task_a_tasks_id_fk" FOREIGN KEY ("task_a") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "same_work_links" ADD CONSTRAINT "same_work_links_task_b_tasks_id_fk" FOREIGN KEY ("task_b") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "same_work_links" ADD CONSTRAINT "same_work_links_indicator_a_indicators_id_fk" FOREIGN KEY ("indicator_a") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "same_work_links" ADD CONSTRAINT "same_work_links_indicator_b_indicators_id_fk" FOREIGN KEY ("indicator_b") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "same_work_links" ADD CONSTRAINT "same_work_links_plan_a_plans_id_fk" FOREIGN KEY ("plan_a") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "same_work_links" ADD CONSTRAINT "same_work_links_plan_b_plans_id_fk" FOREIGN KEY ("plan_b") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "same_work_links" ADD CONSTRAINT "same_work_links_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "same_work_links" ADD CONSTRAINT "same_work_links_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "same_work_links_tasks" ON "same_work_links" USING btree ("task_a","task_b");--> statement-breakpoint
CREATE UNIQUE INDEX "same_work_links_indicators" ON "same_work_links" USING btree ("indicator_a","indicator_b");--> statement-breakpoint
CREATE INDEX "same_work_links_plan_a" ON "same_work_links" USING btree ("plan_a");--> statement-breakpoint
CREATE INDEX "same_work_links_plan_b" ON "same_work_links" USING btree ("plan_b");--> statement-breakpoint
CREATE INDEX "same_work_links_task_b" ON "same_work_links" USING btree ("task_b");--> statement-breakpoint
CREATE INDEX "same_work_links_indicator_b" ON "same_work_links" USING btree ("indicator_b");