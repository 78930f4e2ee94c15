// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stagingutils.core.control.ControlTables;
import org.stagingutils.core.control.PendingLog;

/**
 * Reads the unprocessed change-log rows of one table in log order, from whatever snapshot the
 * caller's connection holds: the rows of {@code STAGLOGROWS} outside the processed ranges.
 */
final class ChangeLogReader {
  private final ControlTables control;
  private final int fetchSize;
  private final PendingLog pending;

  /** {@code pending} was read from the snapshot the reads will use. */
  ChangeLogReader(ControlTables control, int fetchSize, PendingLog pending) {
    this.control = control;
    this.fetchSize = Math.max(1, fetchSize);
    this.pending = pending;
  }

  /**
   * Adds the pending log rows of {@code table} to {@code changes}. The row images (hundreds of
   * bytes each) are read afterwards by id, only those {@code changes} keeps: the first mention of
   * each key. Both reads use {@code snapshot}, so they see the same log.
   */
  void read(Connection snapshot, String table, TableChanges changes) throws SQLException {
    read(snapshot, table, changes, entry -> true);
  }

  /** As {@link #read(Connection, String, TableChanges)}, keeping only the entries {@code taken}. */
  void read(
      Connection snapshot,
      String table,
      TableChanges changes,
      java.util.function.Predicate<LogEntry> taken)
      throws SQLException {
    readEntries(snapshot, table, changes, taken);
    // in log order already: the look-ups walk the primary key forwards
    List<Long> ids = new ArrayList<>(changes.unreadImages());
    for (int from = 0; from < ids.size(); from += fetchSize) {
      readImages(snapshot, ids.subList(from, Math.min(ids.size(), from + fetchSize)), changes);
    }
    if (!changes.unreadImages().isEmpty()) {
      throw new IllegalStateException(
          "change-log rows vanished from the snapshot while reading table " + table);
    }
  }

  private void readEntries(
      Connection snapshot,
      String table,
      TableChanges changes,
      java.util.function.Predicate<LogEntry> taken)
      throws SQLException {
    for (PendingLog.Condition condition : pending.conditions()) {
      String sql =
          "SELECT "
              + String.join(
                  ", ",
                  control.column("STGRFNBR"),
                  control.column("STGOP"),
                  control.column("STGOKEY"),
                  control.column("STGNKEY"),
                  control.column("STGCHANGESET"))
              + " FROM "
              + control.qualified(ControlTables.LOG_ROWS)
              + " WHERE "
              + control.column("STGTABLE")
              + " = ? AND "
              + condition.sql()
              + " ORDER BY "
              + control.column("STGRFNBR");
      try (PreparedStatement ps = snapshot.prepareStatement(sql)) {
        ps.setFetchSize(fetchSize);
        ps.setString(1, table);
        condition.bind(ps, 2);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            LogEntry entry =
                new LogEntry(
                    rs.getLong(1),
                    rs.getString(2).charAt(0),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5));
            if (taken.test(entry)) {
              changes.add(entry);
            }
          }
        }
      }
    }
  }

  private void readImages(Connection snapshot, List<Long> ids, TableChanges changes)
      throws SQLException {
    try (PreparedStatement ps = snapshot.prepareStatement(byIds("STGOROW", ids.size()))) {
      bind(ps, ids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          changes.image(rs.getLong(1), rs.getString(2));
        }
      }
    }
  }

  /**
   * When the log rows {@code ids} were captured. Decoding a time stamp costs more than the rest of
   * a log row, so only {@code --before} asks, and only for the last change of each row.
   */
  Map<Long, Instant> captureTimes(Connection snapshot, LogIds ids) throws SQLException {
    Map<Long, Instant> times = new HashMap<>();
    long[] all = ids.toArray();
    for (int from = 0; from < all.length; from += fetchSize) {
      List<Long> batch = new ArrayList<>();
      for (int i = from; i < Math.min(all.length, from + fetchSize); i++) {
        batch.add(all[i]);
      }
      try (PreparedStatement ps = snapshot.prepareStatement(byIds("STGSTMP", batch.size()))) {
        bind(ps, batch);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            times.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
          }
        }
      }
    }
    return times;
  }

  /** Selects the id and {@code column} of {@code count} log rows given by id. */
  private String byIds(String column, int count) {
    return "SELECT "
        + control.column("STGRFNBR")
        + ", "
        + control.column(column)
        + " FROM "
        + control.qualified(ControlTables.LOG_ROWS)
        + " WHERE "
        + control.column("STGRFNBR")
        + " IN ("
        + String.join(", ", Collections.nCopies(count, "?"))
        + ")";
  }

  private static void bind(PreparedStatement ps, List<Long> ids) throws SQLException {
    for (int i = 0; i < ids.size(); i++) {
      ps.setLong(i + 1, ids.get(i));
    }
  }
}
