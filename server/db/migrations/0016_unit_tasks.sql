CREATE TABLE "unit_tasks" (
	"unit_id" integer NOT NULL,
	"task_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"position" integer NOT NULL,
	"role" text NOT NULL,
	"named" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "unit_tasks" ADD CONSTRAINT "unit_tasks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_tasks" ADD CONSTRAINT "unit_tasks_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "unit_tasks_task_unit" ON "unit_tasks" USING btree ("task_id","unit_id","role","named");--> statement-breakpoint
CREATE INDEX "unit_tasks_unit" ON "unit_tasks" USING btree ("unit_id","plan_id","position","task_id","role","named");--> statement-breakpoint
-- A unit's task membership (issue #15): what policy.ts unitTaskRoles evaluated per request — the tasks a unit is named
-- on, and for a town (units.kind 'town') the tasks addressed to 各镇街 (task_units scope 'all_towns', no unit) in a plan
-- of its own region or of the region above it — stored, with the task's plan and position for list order. Rewritten
-- by the triggers below in the statement that changes an input; writers of unit_tasks take its table lock first
-- (SHARE ROW EXCLUSIVE: one writer at a time, readers never wait), and each statement after it sees what others
-- committed before, so two transactions changing one task's links cannot leave a row that neither would.
CREATE FUNCTION unit_tasks_refresh_tasks(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(ids), 0) = 0 THEN RETURN; END IF;
  LOCK TABLE unit_tasks IN SHARE ROW EXCLUSIVE MODE;
  DELETE FROM unit_tasks m USING unnest(ids) AS x(id) WHERE m.task_id = x.id;
  INSERT INTO unit_tasks (unit_id, task_id, plan_id, position, role, named)
    SELECT tu.unit_id, t.id, t.plan_id, t.position, tu.role, true
      FROM unnest(ids) AS x(id) JOIN tasks t ON t.id = x.id JOIN task_units tu ON tu.task_id = t.id
      WHERE tu.unit_id IS NOT NULL
    UNION
    SELECT u.id, t.id, t.plan_id, t.position, tu.role, false
      FROM unnest(ids) AS x(id) JOIN tasks t ON t.id = x.id JOIN plans p ON p.id = t.plan_id
      JOIN task_units tu ON tu.task_id = t.id AND tu.scope = 'all_towns' AND tu.unit_id IS NULL
      JOIN units u ON u.kind = 'town' AND (u.region_id = p.region_id OR u.region_id IN (SELECT g.id FROM regions g WHERE g.parent_id = p.region_id));
END $$;--> statement-breakpoint
CREATE FUNCTION unit_tasks_refresh_units(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(ids), 0) = 0 THEN RETURN; END IF;
  LOCK TABLE unit_tasks IN SHARE ROW EXCLUSIVE MODE;
  DELETE FROM unit_tasks m USING unnest(ids) AS x(id) WHERE m.unit_id = x.id;
  INSERT INTO unit_tasks (unit_id, task_id, plan_id, position, role, named)
    SELECT tu.unit_id, t.id, t.plan_id, t.position, tu.role, true
      FROM unnest(ids) AS x(id) JOIN task_units tu ON tu.unit_id = x.id JOIN tasks t ON t.id = tu.task_id
    UNION
    SELECT u.id, t.id, t.plan_id, t.position, tu.role, false
      FROM unnest(ids) AS x(id) JOIN units u ON u.id = x.id AND u.kind = 'town'
      JOIN plans p ON p.region_id = u.region_id OR p.region_id = (SELECT g.parent_id FROM regions g WHERE g.id = u.region_id)
      JOIN tasks t ON t.plan_id = p.id
      JOIN task_units tu ON tu.task_id = t.id AND tu.scope = 'all_towns' AND tu.unit_id IS NULL;
END $$;--> statement-breakpoint
INSERT INTO unit_tasks (unit_id, task_id, plan_id, position, role, named)
  SELECT tu.unit_id, t.id, t.plan_id, t.position, tu.role, true FROM task_units tu JOIN tasks t ON t.id = tu.task_id WHERE tu.unit_id IS NOT NULL
  UNION
  SELECT u.id, t.id, t.plan_id, t.position, tu.role, false
    FROM task_units tu JOIN tasks t ON t.id = tu.task_id JOIN plans p ON p.id = t.plan_id
    JOIN units u ON u.kind = 'town' AND (u.region_id = p.region_id OR u.region_id IN (SELECT g.id FROM regions g WHERE g.parent_id = p.region_id))
    WHERE tu.scope = 'all_towns' AND tu.unit_id IS NULL;--> statement-breakpoint
ANALYZE unit_tasks;--> statement-breakpoint
-- a link named or addressed to 各镇街, before or after the change (other catch-alls, 等有关部门, name no unit)
CREATE FUNCTION unit_tasks_links_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM unit_tasks_refresh_tasks(array(SELECT DISTINCT task_id FROM n WHERE unit_id IS NOT NULL OR scope = 'all_towns'));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM unit_tasks_refresh_tasks(array(SELECT DISTINCT task_id FROM o WHERE unit_id IS NOT NULL OR scope = 'all_towns'));
  ELSE
    PERFORM unit_tasks_refresh_tasks(array(
      SELECT n.task_id FROM n JOIN o ON o.id = n.id WHERE (n.task_id, n.unit_id, n.role, n.scope) IS DISTINCT FROM (o.task_id, o.unit_id, o.role, o.scope)
      UNION SELECT o.task_id FROM n JOIN o ON o.id = n.id WHERE (n.task_id, n.unit_id, n.role, n.scope) IS DISTINCT FROM (o.task_id, o.unit_id, o.role, o.scope)));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER unit_tasks_links_inserted AFTER INSERT ON task_units REFERENCING NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION unit_tasks_links_changed();--> statement-breakpoint
CREATE TRIGGER unit_tasks_links_updated AFTER UPDATE ON task_units REFERENCING OLD TABLE AS o NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION unit_tasks_links_changed();--> statement-breakpoint
CREATE TRIGGER unit_tasks_links_deleted AFTER DELETE ON task_units REFERENCING OLD TABLE AS o FOR EACH STATEMENT EXECUTE FUNCTION unit_tasks_links_changed();--> statement-breakpoint
-- a task moved to another plan (its region decides which towns 各镇街 reaches) or to another position
CREATE FUNCTION unit_tasks_task_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM unit_tasks_refresh_tasks(array(SELECT n.id FROM n JOIN o ON o.id = n.id WHERE (n.plan_id, n.position) IS DISTINCT FROM (o.plan_id, o.position)));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER unit_tasks_task_updated AFTER UPDATE ON tasks REFERENCING OLD TABLE AS o NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION unit_tasks_task_updated();--> statement-breakpoint
-- a unit that is (or stops being) a town, or moves to another region; a new town joins its tasks addressed to 各镇街
CREATE FUNCTION unit_tasks_unit_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM unit_tasks_refresh_units(array(SELECT id FROM n WHERE kind = 'town'));
  ELSE
    PERFORM unit_tasks_refresh_units(array(SELECT n.id FROM n JOIN o ON o.id = n.id WHERE (n.kind, n.region_id) IS DISTINCT FROM (o.kind, o.region_id)));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER unit_tasks_unit_inserted AFTER INSERT ON units REFERENCING NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION unit_tasks_unit_changed();--> statement-breakpoint
CREATE TRIGGER unit_tasks_unit_updated AFTER UPDATE ON units REFERENCING OLD TABLE AS o NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION unit_tasks_unit_changed();--> statement-breakpoint
-- a plan issued by another region: its tasks addressed to 各镇街 reach other towns
CREATE FUNCTION unit_tasks_plan_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM unit_tasks_refresh_tasks(array(
    SELECT t.id FROM n JOIN o ON o.id = n.id JOIN tasks t ON t.plan_id = n.id WHERE n.region_id IS DISTINCT FROM o.region_id));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER unit_tasks_plan_updated AFTER UPDATE ON plans REFERENCING OLD TABLE AS o NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION unit_tasks_plan_updated();--> statement-breakpoint
-- a region placed under another: its towns belong to the plans of another region above them
CREATE FUNCTION unit_tasks_region_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM unit_tasks_refresh_units(array(
    SELECT u.id FROM n JOIN o ON o.id = n.id JOIN units u ON u.region_id = n.id AND u.kind = 'town' WHERE n.parent_id IS DISTINCT FROM o.parent_id));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER unit_tasks_region_updated AFTER UPDATE ON regions REFERENCING OLD TABLE AS o NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION unit_tasks_region_updated();
