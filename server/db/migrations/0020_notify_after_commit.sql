-- The change notification sent after the commit by the writer that can (issue #15 phase 10). A NOTIFY in a transaction
-- takes PostgreSQL's notify-queue lock at commit and holds it through the commit's WAL flush: every notifying commit
-- waited for the one before it, each with its own flush (no group commit), and a deadline's surge was held to one commit
-- per flush (~6 ms on a shared disk). The application's audit statements say, with `luoshi.notify` set for their
-- transaction, that the process sends the notification itself once the transaction has committed
-- (db/changeClock.ts commitNotifier: the same payload, after the commit, from no transaction of its own, so with no WAL
-- flush under the lock); then the trigger sends nothing. Any other writer (psql, a script, a process that cannot send
-- it) sets nothing, and the trigger notifies in the transaction as before (0017, 0019).
CREATE OR REPLACE FUNCTION audit_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  payload text;
BEGIN
  IF current_setting('luoshi.notify', true) = 'after_commit' THEN RETURN NULL; END IF;
  SELECT string_agg(DISTINCT CASE WHEN plan_id IS NOT NULL THEN plan_id::text WHEN entity_type IN ('user', 'notification') THEN '.' ELSE '*' END, ',') INTO payload FROM new_rows;
  IF payload IS NULL THEN RETURN NULL; END IF;
  IF length(payload) > 1000 THEN payload := '*'; END IF;
  PERFORM pg_notify('luoshi_change', payload);
  RETURN NULL;
END $$;
