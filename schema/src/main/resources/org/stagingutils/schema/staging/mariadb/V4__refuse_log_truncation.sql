-- TRUNCATE STAGLOGROWS starts MariaDB's log ids again from 1, inside the ranges STAGLOGDONE
-- records as processed: the changes captured next would read as processed and never be
-- propagated. InnoDB refuses to truncate a table another table references, so this empty table's
-- foreign key makes TRUNCATE fail, naming the constraint; DELETE, which keeps the ids going, still
-- works (docs/operations.md). Re-runnable: MariaDB commits each DDL statement on its own.
CREATE TABLE IF NOT EXISTS STAGLOGGUARD (
  stgrfnbr BIGINT,
  CONSTRAINT never_truncate_staglogrows_use_delete
    FOREIGN KEY (stgrfnbr) REFERENCES STAGLOGROWS (stgrfnbr)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
