-- The change notification names what changed (issue #15, per-plan stamps in server/db/changeClock.ts): each audit row
-- of a statement gives a token — its plan id; '.' for a row of a user or a notification without a plan (a login, a
-- message read: no cached answer about a plan reads them); '*' for any other row without a plan (a unit, a region, an
-- import: every cached answer is dropped). The same rule in TypeScript: changeClock.ts changeToken. The payload is the
-- statement's distinct tokens joined by commas ('12,40', '*', '.'), '*' when it would be long.
CREATE OR REPLACE FUNCTION audit_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  payload text;
BEGIN
  SELECT string_agg(DISTINCT CASE WHEN plan_id IS NOT NULL THEN plan_id::text WHEN entity_type IN ('user', 'notification') THEN '.' ELSE '*' END, ',') INTO payload FROM new_rows;
  IF payload IS NULL THEN RETURN NULL; END IF;
  IF length(payload) > 1000 THEN payload := '*'; END IF;
  PERFORM pg_notify('luoshi_change', payload);
  RETURN NULL;
END $$;
