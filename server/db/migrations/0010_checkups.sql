CREATE TABLE "checkup_indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"checkup_id" integer NOT NULL,
	"code" text NOT NULL,
	"aspect" text NOT NULL,
	"name" text NOT NULL,
	"measure" text DEFAULT '' NOT NULL,
	"direction" text NOT NULL,
	"standard" double precision,
	"kind" text DEFAULT '' NOT NULL,
	"unit_id" integer,
	"note" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checkup_problem_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"problem_id" integer NOT NULL,
	"task_id" integer,
	"project_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checkup_problems" (
	"id" serial PRIMARY KEY NOT NULL,
	"checkup_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"value" double precision NOT NULL,
	"standard" double precision NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"assigned_unit_id" integer,
	"assigned_at" timestamp with time zone,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checkup_values" (
	"id" serial PRIMARY KEY NOT NULL,
	"checkup_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"value" double precision NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"source" text DEFAULT 'entry' NOT NULL,
	"entered_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checkups" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_id" integer NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"basis" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "checkup_indicators" ADD CONSTRAINT "checkup_indicators_checkup_id_checkups_id_fk" FOREIGN KEY ("checkup_id") REFERENCES "public"."checkups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_indicators" ADD CONSTRAINT "checkup_indicators_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_problem_links" ADD CONSTRAINT "checkup_problem_links_problem_id_checkup_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."checkup_problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_problem_links" ADD CONSTRAINT "checkup_problem_links_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_problem_links" ADD CONSTRAINT "checkup_problem_links_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_problem_links" ADD CONSTRAINT "checkup_problem_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_problems" ADD CONSTRAINT "checkup_problems_checkup_id_checkups_id_fk" FOREIGN KEY ("checkup_id") REFERENCES "public"."checkups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_problems" ADD CONSTRAINT "checkup_problems_indicator_id_checkup_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."checkup_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_problems" ADD CONSTRAINT "checkup_problems_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_problems" ADD CONSTRAINT "checkup_problems_assigned_unit_id_units_id_fk" FOREIGN KEY ("assigned_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_values" ADD CONSTRAINT "checkup_values_checkup_id_checkups_id_fk" FOREIGN KEY ("checkup_id") REFERENCES "public"."checkups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_values" ADD CONSTRAINT "checkup_values_indicator_id_checkup_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."checkup_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_values" ADD CONSTRAINT "checkup_values_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_values" ADD CONSTRAINT "checkup_values_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkups" ADD CONSTRAINT "checkups_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkups" ADD CONSTRAINT "checkups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "checkup_indicators_code" ON "checkup_indicators" USING btree ("checkup_id","code");--> statement-breakpoint
CREATE INDEX "checkup_indicators_unit" ON "checkup_indicators" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "checkup_problem_links_problem" ON "checkup_problem_links" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "checkup_problem_links_task" ON "checkup_problem_links" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "checkup_problem_links_project" ON "checkup_problem_links" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "checkup_problems_cell" ON "checkup_problems" USING btree ("indicator_id","region_id");--> statement-breakpoint
CREATE INDEX "checkup_problems_checkup" ON "checkup_problems" USING btree ("checkup_id");--> statement-breakpoint
CREATE INDEX "checkup_problems_unit" ON "checkup_problems" USING btree ("assigned_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "checkup_values_cell" ON "checkup_values" USING btree ("indicator_id","region_id");--> statement-breakpoint
CREATE INDEX "checkup_values_checkup" ON "checkup_values" USING btree ("checkup_id");--> statement-breakpoint
CREATE UNIQUE INDEX "checkups_region_year" ON "checkups" USING btree ("region_id","year");