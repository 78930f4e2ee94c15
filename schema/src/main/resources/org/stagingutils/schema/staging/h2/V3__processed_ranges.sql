-- Processed log rows are recorded as ranges of log ids instead of a flag on each row: marking a
-- run's rows processed writes a few range rows, not an update of every log row (a consolidation
-- of a million log rows spent most of its time there). STAGLOG becomes a view over both, so that
-- SELECT COUNT(*) FROM STAGLOG WHERE STGPROCESSED = 0 keeps working as written.
-- H2 commits each DDL statement on its own: every step must succeed when a run killed halfway
-- runs the script again over its own leftovers.

-- One row per run of consecutive processed log ids. No id inside a range is missing: an id the
-- propagation did not read (an editor's transaction not yet committed) always lies outside.
CREATE TABLE IF NOT EXISTS staglogdone (
  stgfirst bigint PRIMARY KEY,
  stglast  bigint NOT NULL,
  CHECK (stglast >= stgfirst)
);

-- Renames the table; drops the view instead if a killed run got as far as creating it.
CREATE ALIAS IF NOT EXISTS STAGING_REPLACE_BY_VIEW FOR 'org.stagingutils.core.dialect.H2SchemaSteps.replaceByView';
CALL STAGING_REPLACE_BY_VIEW('STAGLOG', 'STAGLOGROWS');
-- Brought back empty if a killed run dropped it after recording the ranges below.
ALTER TABLE staglogrows ADD COLUMN IF NOT EXISTS stgprocessed smallint NOT NULL DEFAULT 0;

-- Islands of consecutive processed ids: an id missing between two processed rows may belong to a
-- transaction still open, so it splits the range.
MERGE INTO staglogdone (stgfirst, stglast) KEY (stgfirst)
SELECT MIN(stgrfnbr), MAX(stgrfnbr)
FROM (SELECT stgrfnbr, stgrfnbr - ROW_NUMBER() OVER (ORDER BY stgrfnbr) AS island
      FROM staglogrows WHERE stgprocessed = 1) processed
GROUP BY island;

DROP INDEX IF EXISTS staglog_pending;
ALTER TABLE staglogrows DROP COLUMN IF EXISTS stgprocessed;
-- What stagingprop reads: the log rows of a table from an id on, in log order.
CREATE INDEX IF NOT EXISTS staglogrows_table ON staglogrows (stgtable, stgrfnbr);

-- The change log as before: a row is processed when the range starting at or before its id ends
-- at or after it. Capture triggers insert into staglogrows (H2 cannot insert through a view).
CREATE OR REPLACE VIEW staglog AS
SELECT l.stgrfnbr, l.stgstmp, l.stgtable, l.stgop,
       CAST(CASE WHEN (SELECT d.stglast FROM staglogdone d WHERE d.stgfirst <= l.stgrfnbr
                       ORDER BY d.stgfirst DESC FETCH FIRST 1 ROW ONLY) >= l.stgrfnbr
                 THEN 1 ELSE 0 END AS smallint) AS stgprocessed,
       l.stgokey, l.stgnkey, l.stgorow, l.stgchangeset
FROM staglogrows l;
