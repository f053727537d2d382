-- A report saved again or reviewed writes its task's status row once (issue #15 phase 14), as a new report's does since
-- migration 0021: the application computes the status from the inputs it read earlier in the transaction, with the row's
-- generation g, and writes it in the report update's own statement with a compare-and-set (gen = g, set gen + 1), naming
-- the tasks whose rows it wrote in `luoshi.status_written` for its transaction. This trigger leaves those rows and only
-- those unmarked and clears the setting; every other row whose report changed a status input is marked as before (an
-- input another transaction changed after the read has moved the generation: nothing written, nothing named).
CREATE OR REPLACE FUNCTION task_statuses_report_updated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  written int[];
BEGIN
  written := string_to_array(nullif(current_setting('luoshi.status_written', true), ''), ',')::int[];
  IF written IS NOT NULL THEN PERFORM set_config('luoshi.status_written', '', true); END IF;
  UPDATE task_statuses SET as_of = '', gen = gen + 1 WHERE task_id IN (
    SELECT n.task_id FROM n JOIN o ON o.id = n.id WHERE (n.status, n.period_id, n.task_id, n.progress, n.reported_status) IS DISTINCT FROM (o.status, o.period_id, o.task_id, o.progress, o.reported_status)
      AND NOT (n.task_id = ANY (coalesce(written, '{}')))
    UNION SELECT o.task_id FROM n JOIN o ON o.id = n.id WHERE n.task_id IS DISTINCT FROM o.task_id);
  RETURN NULL;
END $$;
