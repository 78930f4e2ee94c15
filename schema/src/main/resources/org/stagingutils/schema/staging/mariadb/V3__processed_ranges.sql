-- Processed log rows are recorded as ranges of log ids instead of a flag on each row: marking a
-- run's rows processed writes a few range rows, not an update of every log row (a consolidation
-- of a million log rows spent most of its time there). STAGLOG becomes a view over both, so that
-- SELECT COUNT(*) FROM STAGLOG WHERE STGPROCESSED = 0 keeps working as written.
-- MariaDB commits each DDL statement on its own: every step checks whether a run killed halfway
-- already did it, so the script can run again over its own leftovers.

-- One row per run of consecutive processed log ids. No id inside a range is missing: an id the
-- propagation did not read (an editor's transaction not yet committed) always lies outside.
CREATE TABLE IF NOT EXISTS STAGLOGDONE (
  stgfirst BIGINT NOT NULL PRIMARY KEY,
  stglast  BIGINT NOT NULL,
  CHECK (stglast >= stgfirst)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

SET @staging_step = (SELECT IF(COUNT(*) > 0, 'RENAME TABLE STAGLOG TO STAGLOGROWS', 'DO 0')
  FROM information_schema.tables
  WHERE table_schema = DATABASE() AND table_name = 'STAGLOG' AND table_type = 'BASE TABLE');
PREPARE staging_step FROM @staging_step;
EXECUTE staging_step;
DEALLOCATE PREPARE staging_step;

-- Islands of consecutive processed ids: an id missing between two processed rows may belong to a
-- transaction still open, so it splits the range. Done only while the flag column is there.
SET @staging_step = (SELECT IF(COUNT(*) > 0,
  'INSERT IGNORE INTO STAGLOGDONE (stgfirst, stglast)
   SELECT MIN(stgrfnbr), MAX(stgrfnbr)
   FROM (SELECT stgrfnbr, stgrfnbr - ROW_NUMBER() OVER (ORDER BY stgrfnbr) AS island
         FROM STAGLOGROWS WHERE stgprocessed = 1) processed
   GROUP BY island', 'DO 0')
  FROM information_schema.columns
  WHERE table_schema = DATABASE() AND table_name = 'STAGLOGROWS' AND column_name = 'stgprocessed');
PREPARE staging_step FROM @staging_step;
EXECUTE staging_step;
DEALLOCATE PREPARE staging_step;

DROP INDEX IF EXISTS staglog_pending ON STAGLOGROWS;
ALTER TABLE STAGLOGROWS DROP COLUMN IF EXISTS stgprocessed;
-- What stagingprop reads: the log rows of a table from an id on, in log order.
CREATE INDEX IF NOT EXISTS staglogrows_table ON STAGLOGROWS (stgtable, stgrfnbr);

-- The change log as before: a row is processed when the range starting at or before its id ends
-- at or after it. Capture triggers from version 3 insert into STAGLOGROWS (MariaDB cannot insert
-- through this view); stagingcopy and stagingprop re-install older ones right after this script.
CREATE OR REPLACE VIEW STAGLOG AS
SELECT l.stgrfnbr, l.stgstmp, l.stgtable, l.stgop,
       CAST(CASE WHEN (SELECT d.stglast FROM STAGLOGDONE d WHERE d.stgfirst <= l.stgrfnbr
                       ORDER BY d.stgfirst DESC LIMIT 1) >= l.stgrfnbr
                 THEN 1 ELSE 0 END AS SIGNED) AS stgprocessed,
       l.stgokey, l.stgnkey, l.stgorow, l.stgchangeset
FROM STAGLOGROWS l;
