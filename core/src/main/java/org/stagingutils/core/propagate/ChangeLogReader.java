// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.stagingutils.core.control.ControlTables;

/**
 * Streams the unprocessed change-log rows of one table in log order, from whatever snapshot the
 * caller's connection holds.
 */
final class ChangeLogReader {
  private final ControlTables control;
  private final int fetchSize;

  ChangeLogReader(ControlTables control, int fetchSize) {
    this.control = control;
    this.fetchSize = fetchSize;
  }

  void read(Connection snapshot, String table, Consumer<LogEntry> sink) throws SQLException {
    String sql =
        "SELECT "
            + String.join(
                ", ",
                control.column("STGRFNBR"),
                control.column("STGOP"),
                control.column("STGOKEY"),
                control.column("STGNKEY"),
                control.column("STGOROW"),
                control.column("STGCHANGESET"),
                control.column("STGSTMP"))
            + " FROM "
            + control.qualified(ControlTables.CHANGE_LOG)
            + " WHERE "
            + control.column("STGTABLE")
            + " = ? AND "
            + control.column("STGPROCESSED")
            + " = 0"
            + " ORDER BY "
            + control.column("STGRFNBR");
    try (PreparedStatement ps = snapshot.prepareStatement(sql)) {
      ps.setFetchSize(fetchSize);
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sink.accept(
              new LogEntry(
                  rs.getLong(1),
                  rs.getString(2).charAt(0),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getTimestamp(7).toInstant()));
        }
      }
    }
  }
}
