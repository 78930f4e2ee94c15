-- TRUNCATE staglogrows RESTART IDENTITY starts the log ids again from 1, inside the ranges
-- staglogdone records as processed: the changes captured next would read as processed and never
-- be propagated. Truncating the log now forgets the ranges in the same transaction, so the ids a
-- truncation frees are pending again whatever it does to the sequence. The schema is the
-- trigger's own, so that a control schema off the search path is found.
CREATE FUNCTION staglogrows_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('DELETE FROM %I.staglogdone', TG_TABLE_SCHEMA);
  RETURN NULL;
END
$$;

CREATE TRIGGER staglogrows_truncated BEFORE TRUNCATE ON staglogrows
  FOR EACH STATEMENT EXECUTE FUNCTION staglogrows_truncated();
