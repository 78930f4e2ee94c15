-- The propagation journal: one row per stagingprop run that wrote to this production database,
-- written in the same transaction as the data it applied.
-- MariaDB commits each DDL statement on its own: a run killed halfway through this script leaves
-- some tables behind and no history row, so every statement must succeed when run again.
CREATE TABLE IF NOT EXISTS STAGPROP_JOURNAL (
  run_id          BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  staging_session bigint,
  started_at      DATETIME(6) NOT NULL,
  finished_at     DATETIME(6) NOT NULL,
  change_sets     varchar(4000),
  inserted        bigint NOT NULL,
  updated         bigint NOT NULL,
  deleted         bigint NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS STAGPROP_JOURNAL_TABLE (
  run_id     bigint NOT NULL REFERENCES STAGPROP_JOURNAL (run_id),
  table_name varchar(256) NOT NULL,
  inserted   bigint NOT NULL,
  updated    bigint NOT NULL,
  deleted    bigint NOT NULL,
  PRIMARY KEY (run_id, table_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
