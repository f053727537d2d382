-- What the route gate reads to decide whether an actor's scope sees a plan (access.ts: the plan's region, the region
-- tree, a unit's task membership) is kept per process under the change clock's count (db/changeClock.ts), like the
-- cached answers. A change to it moves the count even when no audit row is written with it (a restore, a hand-made
-- fix, a script): a statement trigger on each of those tables sends NOTIFY luoshi_change '*' (every process drops what
-- it kept). These tables change rarely; unit_tasks is rewritten by its own triggers (migration 0016).
CREATE FUNCTION gate_inputs_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('luoshi_change', '*');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER plans_gate_notify AFTER INSERT OR DELETE OR UPDATE OF region_id ON plans FOR EACH STATEMENT EXECUTE FUNCTION gate_inputs_notify();
--> statement-breakpoint
CREATE TRIGGER regions_gate_notify AFTER INSERT OR DELETE OR UPDATE OF parent_id ON regions FOR EACH STATEMENT EXECUTE FUNCTION gate_inputs_notify();
--> statement-breakpoint
CREATE TRIGGER unit_tasks_gate_notify AFTER INSERT OR DELETE OR UPDATE ON unit_tasks FOR EACH STATEMENT EXECUTE FUNCTION gate_inputs_notify();
