-- Maintained task status (issue #15), the inputs 0011 left out or marked too widely:
-- * a period's label is part of a stored status (已报送待审核 names the period of the report waiting for review):
--   a relabelled period marks its plan's rows like a moved start date;
-- * a task's links mark its row only when a lead row is added, removed or changed (whether a task has a lead unit
--   decides whether reports are owed by it); cooperating and responsible units are no status input;
-- * the working calendar (holiday notices) and the status rules are code, not rows: status_rules keeps the
--   fingerprint of those the rows were computed with, and the status job (jobs/statusRows.ts) marks every row when
--   a release changes them.
CREATE OR REPLACE FUNCTION task_statuses_period_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE task_statuses SET as_of = '', gen = gen + 1 WHERE plan_id IN (
    SELECT n.plan_id FROM n JOIN o ON o.id = n.id WHERE (n.start, n.label, n.plan_id) IS DISTINCT FROM (o.start, o.label, o.plan_id)
    UNION SELECT o.plan_id FROM n JOIN o ON o.id = n.id WHERE n.plan_id IS DISTINCT FROM o.plan_id);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION task_statuses_links_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- whether a task has a lead unit decides whether reports are due from it: a lead row before or after the change
  IF TG_OP = 'INSERT' THEN
    UPDATE task_statuses SET as_of = '', gen = gen + 1 WHERE task_id IN (SELECT task_id FROM n WHERE role = 'lead');
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE task_statuses SET as_of = '', gen = gen + 1 WHERE task_id IN (SELECT task_id FROM o WHERE role = 'lead');
  ELSE
    UPDATE task_statuses SET as_of = '', gen = gen + 1 WHERE task_id IN (
      SELECT n.task_id FROM n JOIN o ON o.id = n.id WHERE (n.role = 'lead' OR o.role = 'lead')
        AND (n.task_id, n.unit_id, n.role) IS DISTINCT FROM (o.task_id, o.unit_id, o.role)
      UNION SELECT o.task_id FROM n JOIN o ON o.id = n.id WHERE o.role = 'lead' AND n.task_id IS DISTINCT FROM o.task_id);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TABLE "status_rules" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL CHECK ("id" = 1),
	"fingerprint" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
