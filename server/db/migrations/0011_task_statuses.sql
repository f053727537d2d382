CREATE TABLE "task_statuses" (
	"task_id" integer PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"as_of" text NOT NULL,
	"color" text NOT NULL,
	"state" text NOT NULL,
	"status" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"gen" integer DEFAULT 0 NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "task_statuses" ADD CONSTRAINT "task_statuses_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_statuses" ADD CONSTRAINT "task_statuses_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_statuses_plan_color" ON "task_statuses" USING btree ("plan_id","as_of","color");--> statement-breakpoint
CREATE INDEX "task_statuses_plan_state" ON "task_statuses" USING btree ("plan_id","as_of","state");--> statement-breakpoint
-- Maintained task status (issue #15): every task has its row from the start, a placeholder (as_of '') until its status
-- is computed; any change to a status input marks the row (as_of '', gen + 1) in the transaction that makes it, so a
-- row holding a date is the status computed from the inputs as they are (the app rewrites it as of today).
INSERT INTO "task_statuses" ("task_id", "plan_id", "as_of", "color", "state") SELECT "id", "plan_id", '', 'grey', '' FROM "tasks";--> statement-breakpoint
CREATE FUNCTION task_statuses_task_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO task_statuses (task_id, plan_id, as_of, color, state) SELECT n.id, n.plan_id, '', 'grey', '' FROM n
    ON CONFLICT (task_id) DO UPDATE SET as_of = '', gen = task_statuses.gen + 1, plan_id = excluded.plan_id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER task_statuses_task_inserted AFTER INSERT ON tasks REFERENCING NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION task_statuses_task_inserted();--> statement-breakpoint
CREATE FUNCTION task_statuses_task_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE task_statuses s SET as_of = '', gen = s.gen + 1, plan_id = n.plan_id FROM n JOIN o ON o.id = n.id
    WHERE s.task_id = n.id
      AND (n.plan_id, n.parent_task_id, n.start_date, n.deadline, n.progress, n.reported_status, n.created_at)
        IS DISTINCT FROM (o.plan_id, o.parent_task_id, o.start_date, o.deadline, o.progress, o.reported_status, o.created_at);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER task_statuses_task_updated AFTER UPDATE ON tasks REFERENCING OLD TABLE AS o NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION task_statuses_task_updated();--> statement-breakpoint
CREATE FUNCTION task_statuses_report_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE task_statuses SET as_of = '', gen = gen + 1 WHERE task_id IN (SELECT task_id FROM n);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER task_statuses_report_inserted AFTER INSERT ON reports REFERENCING NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION task_statuses_report_inserted();--> statement-breakpoint
CREATE FUNCTION task_statuses_report_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE task_statuses SET as_of = '', gen = gen + 1 WHERE task_id IN (
    SELECT n.task_id FROM n JOIN o ON o.id = n.id WHERE (n.status, n.period_id, n.task_id, n.progress, n.reported_status) IS DISTINCT FROM (o.status, o.period_id, o.task_id, o.progress, o.reported_status)
    UNION SELECT o.task_id FROM n JOIN o ON o.id = n.id WHERE n.task_id IS DISTINCT FROM o.task_id);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER task_statuses_report_updated AFTER UPDATE ON reports REFERENCING OLD TABLE AS o NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION task_statuses_report_updated();--> statement-breakpoint
CREATE FUNCTION task_statuses_report_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE task_statuses SET as_of = '', gen = gen + 1 WHERE task_id IN (SELECT task_id FROM o);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER task_statuses_report_deleted AFTER DELETE ON reports REFERENCING OLD TABLE AS o FOR EACH STATEMENT EXECUTE FUNCTION task_statuses_report_deleted();--> statement-breakpoint
CREATE FUNCTION task_statuses_plan_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE task_statuses SET as_of = '', gen = gen + 1 WHERE plan_id IN (
    SELECT n.id FROM n JOIN o ON o.id = n.id WHERE (n.settings, n.period_start, n.period_end) IS DISTINCT FROM (o.settings, o.period_start, o.period_end));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER task_statuses_plan_updated AFTER UPDATE ON plans REFERENCING OLD TABLE AS o NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION task_statuses_plan_updated();--> statement-breakpoint
CREATE FUNCTION task_statuses_period_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE task_statuses SET as_of = '', gen = gen + 1 WHERE plan_id IN (
    SELECT n.plan_id FROM n JOIN o ON o.id = n.id WHERE (n.start, n.plan_id) IS DISTINCT FROM (o.start, o.plan_id));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER task_statuses_period_updated AFTER UPDATE ON report_periods REFERENCING OLD TABLE AS o NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION task_statuses_period_updated();
--> statement-breakpoint
CREATE FUNCTION task_statuses_links_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- whether a task has a lead unit decides whether reports are due from it
  IF TG_OP <> 'DELETE' THEN UPDATE task_statuses SET as_of = '', gen = gen + 1 WHERE task_id IN (SELECT task_id FROM n); END IF;
  IF TG_OP <> 'INSERT' THEN UPDATE task_statuses SET as_of = '', gen = gen + 1 WHERE task_id IN (SELECT task_id FROM o); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER task_statuses_links_inserted AFTER INSERT ON task_units REFERENCING NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION task_statuses_links_changed();--> statement-breakpoint
CREATE TRIGGER task_statuses_links_updated AFTER UPDATE ON task_units REFERENCING OLD TABLE AS o NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION task_statuses_links_changed();--> statement-breakpoint
CREATE TRIGGER task_statuses_links_deleted AFTER DELETE ON task_units REFERENCING OLD TABLE AS o FOR EACH STATEMENT EXECUTE FUNCTION task_statuses_links_changed();
