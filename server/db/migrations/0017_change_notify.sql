-- Changes pushed to the app's processes (issue #15, the answer cache): every committed change writes an audit row in
-- its own transaction (house rule), so a statement trigger on audit_events sends NOTIFY luoshi_change, which
-- PostgreSQL delivers to every listening connection after the transaction commits (never for one that rolls back).
-- The payload names the plans of the statement's audit rows ('12,40'), '*' for a row without a plan or when the list
-- would be long; identical notifications of one transaction are delivered once. Each process LISTENs on one
-- connection and counts them (server/db/changeClock.ts): a cached answer is kept while the count has not moved.
CREATE FUNCTION audit_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  payload text;
BEGIN
  SELECT CASE WHEN bool_or(plan_id IS NULL) THEN '*' ELSE string_agg(DISTINCT plan_id::text, ',') END INTO payload FROM new_rows;
  IF payload IS NULL THEN RETURN NULL; END IF;
  IF length(payload) > 1000 THEN payload := '*'; END IF;
  PERFORM pg_notify('luoshi_change', payload);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_notify AFTER INSERT ON audit_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_events_notify();
