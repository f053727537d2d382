CREATE TABLE "task_not_applicable" (
	"id" serial PRIMARY KEY NOT NULL,
	"upper_task_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"reason" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_take_ups" (
	"id" serial PRIMARY KEY NOT NULL,
	"upper_task_id" integer NOT NULL,
	"district_task_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "task_not_applicable" ADD CONSTRAINT "task_not_applicable_upper_task_id_tasks_id_fk" FOREIGN KEY ("upper_task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_not_applicable" ADD CONSTRAINT "task_not_applicable_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_not_applicable" ADD CONSTRAINT "task_not_applicable_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_take_ups" ADD CONSTRAINT "task_take_ups_upper_task_id_tasks_id_fk" FOREIGN KEY ("upper_task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_take_ups" ADD CONSTRAINT "task_take_ups_district_task_id_tasks_id_fk" FOREIGN KEY ("district_task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_take_ups" ADD CONSTRAINT "task_take_ups_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_take_ups" ADD CONSTRAINT "task_take_ups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "task_not_applicable_pair" ON "task_not_applicable" USING btree ("upper_task_id","region_id");--> statement-breakpoint
CREATE UNIQUE INDEX "task_take_ups_pair" ON "task_take_ups" USING btree ("upper_task_id","district_task_id");--> statement-breakpoint
CREATE INDEX "task_take_ups_upper_region" ON "task_take_ups" USING btree ("upper_task_id","region_id");--> statement-breakpoint
CREATE INDEX "task_take_ups_district_task" ON "task_take_ups" USING btree ("district_task_id");