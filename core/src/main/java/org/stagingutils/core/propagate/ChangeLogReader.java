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
import java.util.function.Predicate;
import org.stagingutils.core.control.ControlTables;
import org.stagingutils.core.control.PendingLog;

/**
 * Reads the unprocessed change-log rows of the staged tables in log order, from whatever snapshot
 * the caller's connection holds: the rows of {@code STAGLOGROWS} outside the processed ranges.
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
   * Adds the pending log rows of every table of {@code changes} (by stored name) to its changes,
   * keeping those its filter in {@code taken} accepts. One pass over the pending ids in log order,
   * for all tables together: by table, MariaDB would fetch each log row through the (table, id)
   * index and then the row itself, three times slower than walking the log's primary key once.
   */
  void readEntries(
      Connection snapshot,
      Map<String, TableChanges> changes,
      Map<String, Predicate<LogEntry>> taken)
      throws SQLException {
    if (changes.isEmpty()) {
      return;
    }
    List<String> tables = new ArrayList<>(changes.keySet());
    for (PendingLog.Condition condition : pending.conditions()) {
      String sql =
          "SELECT "
              + String.join(
                  ", ",
                  control.column("STGRFNBR"),
                  control.column("STGOP"),
                  control.column("STGOKEY"),
                  control.column("STGNKEY"),
                  control.column("STGCHANGESET"),
                  control.column("STGTABLE"))
              + " FROM "
              + control.qualified(ControlTables.LOG_ROWS)
              + " WHERE "
              + condition.sql()
              + " AND "
              + control.column("STGTABLE")
              + " IN ("
              + String.join(", ", Collections.nCopies(tables.size(), "?"))
              + ") ORDER BY "
              + control.column("STGRFNBR");
      try (PreparedStatement ps = snapshot.prepareStatement(sql)) {
        ps.setFetchSize(fetchSize);
        int index = condition.bind(ps, 1);
        for (String table : tables) {
          ps.setString(index++, table);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            LogEntry entry =
                new LogEntry(
                    rs.getLong(1),
                    rs.getString(2).charAt(0),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5));
            String table = rs.getString(6);
            if (taken.get(table).test(entry)) {
              changes.get(table).add(entry);
            }
          }
        }
      }
    }
  }

  /**
   * Reads the row images {@code changes} keeps (hundreds of bytes each: only the first mention of
   * each key), by id, from the snapshot the entries came from, so they see the same log.
   */
  void readImages(Connection snapshot, String table, TableChanges changes) throws SQLException {
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
