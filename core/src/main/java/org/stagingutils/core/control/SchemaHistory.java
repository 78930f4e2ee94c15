// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.control;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.stagingutils.core.dialect.Dialect;
import org.stagingutils.core.metadata.MetadataReader;
import org.stagingutils.core.metadata.TableName;

/**
 * What the control schema's history table says, read with one query: when every migration of this
 * version is recorded as applied, a run need not start Flyway at all, whose start-up (plugins,
 * classpath scan, history and validation reads) is about a fifth of a short run's CPU.
 */
final class SchemaHistory {
  /** The newest migration of each side; ControlSchemaIT keeps these in step with the scripts. */
  static final Map<String, String> LATEST = Map.of("staging", "4", "production", "1");

  private SchemaHistory() {}

  /**
   * Whether the history records {@code side}'s newest migration and no failed one. Anything else, a
   * missing history or one this user cannot read included, leaves the decision to Flyway.
   */
  static boolean isCurrent(DataSource dataSource, Dialect dialect, String schema, String side) {
    TableName history = TableName.of(schema, dialect.foldUnquoted(ControlTables.HISTORY));
    try (Connection connection = dataSource.getConnection()) {
      // Asked first because a SELECT on a missing table makes MariaDB's driver log a warning on
      // every first run, though nothing is wrong.
      return new MetadataReader(connection, dialect).exists(history)
          && recordsLatest(connection, dialect, history, side);
    } catch (SQLException e) {
      return false;
    }
  }

  private static boolean recordsLatest(
      Connection connection, Dialect dialect, TableName history, String side) throws SQLException {
    String sql =
        "SELECT "
            + dialect.quote("version")
            + ", "
            + dialect.quote("success")
            + " FROM "
            + dialect.qualify(history);
    boolean latest = false;
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        if (!rows.getBoolean(2)) {
          return false;
        }
        latest |= LATEST.get(side).equals(rows.getString(1));
      }
    }
    return latest;
  }
}
