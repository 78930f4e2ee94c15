-- Control tables of a staging database. Names are unquoted so that a DBA's habitual
-- SELECT COUNT(*) FROM STAGLOG WHERE STGPROCESSED = 0 works as written.
-- MariaDB commits each DDL statement on its own: a run killed halfway through this script leaves
-- some tables behind and no history row, so every statement must succeed when run again.

-- The change log: one row per captured insert, update or delete.
-- STGOKEY/STGNKEY: JSON array of the old/new capture-key values; STGOROW: JSON image of the row
-- before the change (updates and deletes), compared with production to detect drift.
CREATE TABLE IF NOT EXISTS STAGLOG (
  stgrfnbr     BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  stgstmp      DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  stgtable     varchar(256) NOT NULL,
  stgop        char(1) NOT NULL CHECK (stgop IN ('I', 'U', 'D')),
  stgprocessed smallint NOT NULL DEFAULT 0,
  stgokey      text,
  stgnkey      text,
  stgorow      LONGTEXT,
  stgchangeset varchar(256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- What stagingprop reads: unprocessed rows of a table in log order.
CREATE INDEX IF NOT EXISTS staglog_pending ON STAGLOG (stgprocessed, stgtable, stgrfnbr);
CREATE INDEX IF NOT EXISTS staglog_processed ON STAGLOG (stgprocessed, stgstmp);

-- One row per stagingcopy run that started (or restarted) a staging session.
CREATE TABLE IF NOT EXISTS STAGSESSION (
  session_id  BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  started_at  DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  scope_name  varchar(256) NOT NULL,
  table_count integer NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The registry of captured tables: which session copied each one, and its capture key.
CREATE TABLE IF NOT EXISTS STAGTABLES (
  table_name      varchar(256) NOT NULL PRIMARY KEY,
  session_id      bigint REFERENCES STAGSESSION (session_id),
  key_columns     text NOT NULL,
  trigger_version integer NOT NULL,
  installed_at    DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row whose lock, on databases without advisory locks, keeps two runs apart.
CREATE TABLE IF NOT EXISTS STAGLOCK (
  lock_id integer NOT NULL PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
INSERT IGNORE INTO STAGLOCK (lock_id) VALUES (1);
