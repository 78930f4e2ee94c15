// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.control;

import org.stagingutils.core.dialect.Dialect;
import org.stagingutils.core.metadata.TableName;

/**
 * Names of the suite's own tables, as each database stores them (they are created unquoted, so a
 * DBA can write them unquoted in any case).
 */
public final class ControlTables {
  /** The change log as users query it: a view over the two tables below. */
  public static final String CHANGE_LOG = "STAGLOG";

  /** The captured changes themselves, one row each; capture triggers insert here. */
  public static final String LOG_ROWS = "STAGLOGROWS";

  /** Which log ids are processed, as ranges of consecutive ids. */
  public static final String PROCESSED_RANGES = "STAGLOGDONE";

  /**
   * An empty table whose foreign key to the log rows makes MariaDB and H2 refuse to truncate them
   * (a truncation would start the log ids again inside the processed ranges).
   */
  public static final String LOG_GUARD = "STAGLOGGUARD";

  public static final String SESSION = "STAGSESSION";
  public static final String CAPTURED_TABLES = "STAGTABLES";
  public static final String LOCK = "STAGLOCK";
  public static final String JOURNAL = "STAGPROP_JOURNAL";
  public static final String JOURNAL_TABLE = "STAGPROP_JOURNAL_TABLE";
  public static final String HISTORY = "STAGING_SCHEMA_HISTORY";

  private final Dialect dialect;
  private final String schema;

  public ControlTables(Dialect dialect, String schema) {
    this.dialect = dialect;
    this.schema = schema;
  }

  public TableName table(String name) {
    return TableName.of(schema, dialect.foldUnquoted(name));
  }

  /** A column of a control table, quoted as the database stores it. */
  public String column(String name) {
    return dialect.quote(dialect.foldUnquoted(name));
  }

  /** A column name as the database stores it, unquoted (for generated-key requests). */
  public String storedColumn(String name) {
    return dialect.foldUnquoted(name);
  }

  /** A control table, schema-qualified and quoted. */
  public String qualified(String name) {
    return dialect.qualify(table(name));
  }

  public String schema() {
    return schema;
  }

  public boolean isControlTable(String tableName) {
    String upper = tableName.toUpperCase(java.util.Locale.ROOT);
    return upper.equals(CHANGE_LOG)
        || upper.equals(LOG_ROWS)
        || upper.equals(PROCESSED_RANGES)
        || upper.equals(LOG_GUARD)
        || upper.equals(SESSION)
        || upper.equals(CAPTURED_TABLES)
        || upper.equals(LOCK)
        || upper.equals(JOURNAL)
        || upper.equals(JOURNAL_TABLE)
        || upper.equals(HISTORY);
  }
}
