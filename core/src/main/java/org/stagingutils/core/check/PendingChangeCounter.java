// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.stagingutils.core.control.ControlTables;
import org.stagingutils.core.control.PendingLog;
import org.stagingutils.core.metadata.MetadataReader;

/**
 * Counts the unprocessed change-log rows of the checked tables (of the selected change sets, if
 * any); 0 when staging has no change log yet.
 */
final class PendingChangeCounter {
  private PendingChangeCounter() {}

  /** Unprocessed changes of the checked tables, per change set (edits without one: null). */
  static List<ChangeSetCount> count(CheckContext context) throws SQLException {
    List<String> tables =
        context.tables().stream()
            .flatMap(t -> t.staging().stream())
            .map(t -> t.name().name())
            .toList();
    if (tables.isEmpty()) {
      return List.of();
    }
    ControlTables control = context.staging().controlTables();
    try (Connection connection = context.staging().connection()) {
      connection.setReadOnly(true);
      MetadataReader reader = new MetadataReader(connection, context.staging().dialect());
      if (!reader.exists(control.table(ControlTables.CAPTURED_TABLES))) {
        return List.of();
      }
      Map<String, Long> bySet = new java.util.HashMap<>();
      for (PendingLog.Condition pending : PendingLog.read(connection, control).conditions()) {
        String sql =
            "SELECT "
                + control.column("STGCHANGESET")
                + ", COUNT(*) FROM "
                + control.qualified(ControlTables.LOG_ROWS)
                + " WHERE "
                + pending.sql()
                + " AND "
                + control.column("STGTABLE")
                + " IN ("
                + placeholders(tables.size())
                + ")"
                + (context.changeSets().isEmpty()
                    ? ""
                    : " AND "
                        + control.column("STGCHANGESET")
                        + " IN ("
                        + placeholders(context.changeSets().size())
                        + ")")
                + " GROUP BY "
                + control.column("STGCHANGESET");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
          int index = pending.bind(statement, 1);
          for (String value : tables) {
            statement.setString(index++, value);
          }
          for (String value : context.changeSets()) {
            statement.setString(index++, value);
          }
          try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              bySet.merge(rs.getString(1), rs.getLong(2), Long::sum);
            }
          }
        }
      }
      List<ChangeSetCount> counts = new java.util.ArrayList<>();
      bySet.forEach((set, count) -> counts.add(new ChangeSetCount(set, count)));
      // Edits without a change set (null) come first.
      counts.sort(
          java.util.Comparator.comparing(
              ChangeSetCount::changeSet,
              java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
      return counts;
    }
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }
}
