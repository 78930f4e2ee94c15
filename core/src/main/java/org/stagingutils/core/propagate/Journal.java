// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.stagingutils.core.control.ControlTables;

/** Writes one run into production's journal, inside the transaction that applies its data. */
final class Journal {
  private final ControlTables control;

  Journal(ControlTables control) {
    this.control = control;
  }

  long record(
      Connection production,
      Long stagingSession,
      Instant started,
      List<String> changeSets,
      List<TableCounts> counts)
      throws SQLException {
    long runId;
    try (PreparedStatement ps =
        production.prepareStatement(
            "INSERT INTO "
                + control.qualified(ControlTables.JOURNAL)
                + " ("
                + String.join(
                    ", ",
                    control.column("STAGING_SESSION"),
                    control.column("STARTED_AT"),
                    control.column("FINISHED_AT"),
                    control.column("CHANGE_SETS"),
                    control.column("INSERTED"),
                    control.column("UPDATED"),
                    control.column("DELETED"))
                + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
            new String[] {control.storedColumn("RUN_ID")})) {
      if (stagingSession == null) {
        ps.setNull(1, java.sql.Types.BIGINT);
      } else {
        ps.setLong(1, stagingSession);
      }
      ps.setTimestamp(2, Timestamp.from(started));
      ps.setTimestamp(3, Timestamp.from(Instant.now()));
      ps.setString(4, changeSets.isEmpty() ? null : String.join(",", changeSets));
      ps.setLong(5, counts.stream().mapToLong(TableCounts::inserted).sum());
      ps.setLong(6, counts.stream().mapToLong(TableCounts::updated).sum());
      ps.setLong(7, counts.stream().mapToLong(TableCounts::deleted).sum());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        runId = keys.getLong(1);
      }
    }
    try (PreparedStatement ps =
        production.prepareStatement(
            "INSERT INTO "
                + control.qualified(ControlTables.JOURNAL_TABLE)
                + " ("
                + String.join(
                    ", ",
                    control.column("RUN_ID"),
                    control.column("TABLE_NAME"),
                    control.column("INSERTED"),
                    control.column("UPDATED"),
                    control.column("DELETED"))
                + ") VALUES (?, ?, ?, ?, ?)")) {
      for (TableCounts table : counts) {
        ps.setLong(1, runId);
        ps.setString(2, table.table());
        ps.setLong(3, table.inserted());
        ps.setLong(4, table.updated());
        ps.setLong(5, table.deleted());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return runId;
  }
}
