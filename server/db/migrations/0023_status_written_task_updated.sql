-- Issue #15 phase 14: a review writes its task's status row once (migration 0022 for the report's trigger).
-- An acceptance moves its task's progress in the same statement (a CTE updating tasks before the status row): the
-- task's trigger leaves the rows named in `luoshi.status_written_tasks` — a setting of its own, which it clears, so the
-- order in which the two statement triggers fire does not matter — and marks every other task whose inputs changed.
CREATE OR REPLACE FUNCTION task_statuses_task_updated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  written int[];
BEGIN
  written := string_to_array(nullif(current_setting('luoshi.status_written_tasks', true), ''), ',')::int[];
  IF written IS NOT NULL THEN PERFORM set_config('luoshi.status_written_tasks', '', true); END IF;
  UPDATE task_statuses s SET as_of = '', gen = s.gen + 1, plan_id = n.plan_id FROM n JOIN o ON o.id = n.id
    WHERE s.task_id = n.id
      AND (n.plan_id, n.parent_task_id, n.start_date, n.deadline, n.progress, n.reported_status, n.created_at)
        IS DISTINCT FROM (o.plan_id, o.parent_task_id, o.start_date, o.deadline, o.progress, o.reported_status, o.created_at)
      AND NOT (n.id = ANY (coalesce(written, '{}')));
  RETURN NULL;
END $$;
