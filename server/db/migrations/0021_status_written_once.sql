-- A new report's task status written once (issue #15 phase 13). A report's save used to write the task's status row
-- twice: this trigger marked it (as_of '', gen + 1) and the application stored the figures computed after the insert
-- (a second update of the row, neither one HOT: as_of is in both status indexes). The application now computes a new
-- report's status from the inputs it read earlier in the transaction, with the row's generation g, and writes it in
-- the insert's own statement with a compare-and-set (gen = g, set gen + 1: the step this trigger adds); that statement
-- names in `luoshi.status_written` (for its transaction) the tasks whose rows it wrote, and this trigger leaves those
-- rows and only those alone, clearing the setting. An input changed by another transaction after the read has moved the
-- generation past g: the compare-and-set writes nothing, names nothing, and the row is marked here as before. Any other
-- writer sets nothing and every row of its reports is marked, as before.
CREATE OR REPLACE FUNCTION task_statuses_report_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  written int[];
BEGIN
  written := string_to_array(nullif(current_setting('luoshi.status_written', true), ''), ',')::int[];
  IF written IS NOT NULL THEN PERFORM set_config('luoshi.status_written', '', true); END IF;
  UPDATE task_statuses SET as_of = '', gen = gen + 1 WHERE task_id IN (SELECT task_id FROM n) AND NOT (task_id = ANY (coalesce(written, '{}')));
  RETURN NULL;
END $$;
