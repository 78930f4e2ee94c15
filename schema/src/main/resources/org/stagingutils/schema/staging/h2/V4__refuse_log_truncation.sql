-- TRUNCATE TABLE STAGLOGROWS RESTART IDENTITY starts the log ids again from 1, inside the ranges
-- STAGLOGDONE records as processed: the changes captured next would read as processed and never
-- be propagated. H2 refuses to truncate a table another table references, so this empty table's
-- foreign key makes any TRUNCATE fail; DELETE, which keeps the ids going, still works
-- (docs/operations.md). Re-runnable: H2 commits each DDL statement on its own.
CREATE TABLE IF NOT EXISTS staglogguard (
  stgrfnbr bigint,
  CONSTRAINT never_truncate_staglogrows_use_delete
    FOREIGN KEY (stgrfnbr) REFERENCES staglogrows (stgrfnbr)
);
