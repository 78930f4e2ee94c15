// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.stagingutils.core.metadata.TableMetadata;

/** Bookkeeping on the change log {@code STAGLOG} that is not propagation itself. */
public final class ChangeLog {
  private final ControlTables control;

  public ChangeLog(ControlTables control) {
    this.control = control;
  }

  /** Unprocessed changes per table, for the given tables; tables without any are left out. */
  public Map<String, Long> pendingCounts(Connection connection, Collection<TableMetadata> tables)
      throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (PendingLog.Condition pending : PendingLog.read(connection, control).conditions()) {
      String sql =
          "SELECT COUNT(*) FROM "
              + control.qualified(ControlTables.LOG_ROWS)
              + " WHERE "
              + control.column("STGTABLE")
              + " = ? AND "
              + pending.sql();
      try (PreparedStatement ps = connection.prepareStatement(sql)) {
        for (TableMetadata table : tables) {
          ps.setString(1, table.name().name());
          pending.bind(ps, 2);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getLong(1) > 0) {
              counts.merge(table.name().name(), rs.getLong(1), Long::sum);
            }
          }
        }
      }
    }
    return counts;
  }

  /** Removes every log row of the given tables, processed or not: a new session starts clean. */
  public void clear(Connection connection, Collection<TableMetadata> tables) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "DELETE FROM "
                + control.qualified(ControlTables.LOG_ROWS)
                + " WHERE "
                + control.column("STGTABLE")
                + " = ?")) {
      for (TableMetadata table : tables) {
        ps.setString(1, table.name().name());
        ps.executeUpdate();
      }
    }
  }

  /** Records a new staging session and attaches the copied tables to it; returns its id. */
  public long startSession(Connection connection, String scope, Collection<TableMetadata> tables)
      throws SQLException {
    long sessionId;
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO "
                + control.qualified(ControlTables.SESSION)
                + " ("
                + control.column("SCOPE_NAME")
                + ", "
                + control.column("TABLE_COUNT")
                + ") VALUES (?, ?)",
            new String[] {control.storedColumn("SESSION_ID")})) {
      ps.setString(1, scope);
      ps.setInt(2, tables.size());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        sessionId = keys.getLong(1);
      }
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE "
                + control.qualified(ControlTables.CAPTURED_TABLES)
                + " SET "
                + control.column("SESSION_ID")
                + " = ? WHERE "
                + control.column("TABLE_NAME")
                + " = ?")) {
      for (TableMetadata table : tables) {
        ps.setLong(1, sessionId);
        ps.setString(2, table.name().name());
        ps.executeUpdate();
      }
    }
    return sessionId;
  }
}
