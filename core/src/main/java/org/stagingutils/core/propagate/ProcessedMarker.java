// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagingutils.core.control.ControlTables;

/**
 * Marks exactly the change-log rows a run propagated as processed, by recording them as ranges of
 * consecutive log ids in {@code STAGLOGDONE}, and prunes old processed rows in bounded chunks so
 * editors never wait long behind the pruning. Only runs holding the run lock write the ranges.
 */
final class ProcessedMarker {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessedMarker.class);

  private final ControlTables control;
  private final int chunk;

  ProcessedMarker(ControlTables control, int chunk) {
    this.control = control;
    this.chunk = Math.max(1, chunk);
  }

  /**
   * Marks {@code ids}, the change-log rows the run read and propagated: each run of consecutive ids
   * joins the recorded ranges, merged with those it touches, so the cost follows the number of runs
   * of ids and not of rows (a consolidation reads long runs). Every id of a run was read as
   * pending, so a range never covers a row the run did not see, whatever commits later.
   */
  void markProcessed(Connection staging, LogIds ids) throws SQLException {
    staging.setAutoCommit(false);
    NavigableMap<Long, Long> recorded = ranges(staging);
    NavigableMap<Long, Long> merged = new TreeMap<>(recorded);
    for (IdRange range : ids.ranges()) {
      add(merged, range.first(), range.last());
    }
    List<Long> gone = new ArrayList<>();
    recorded.forEach(
        (first, last) -> {
          if (!last.equals(merged.get(first))) {
            gone.add(first);
          }
        });
    deleteRanges(staging, gone);
    try (PreparedStatement insert =
        staging.prepareStatement(
            "INSERT INTO "
                + control.qualified(ControlTables.PROCESSED_RANGES)
                + " ("
                + control.column("STGFIRST")
                + ", "
                + control.column("STGLAST")
                + ") VALUES (?, ?)")) {
      int batched = 0;
      for (Map.Entry<Long, Long> range : merged.entrySet()) {
        if (range.getValue().equals(recorded.get(range.getKey()))) {
          continue;
        }
        insert.setLong(1, range.getKey());
        insert.setLong(2, range.getValue());
        insert.addBatch();
        if (++batched == chunk) {
          insert.executeBatch();
          batched = 0;
        }
      }
      if (batched > 0) {
        insert.executeBatch();
      }
    }
    staging.commit();
  }

  /** Adds ids {@code first..last} to {@code ranges}, joining the ranges it overlaps or touches. */
  static void add(NavigableMap<Long, Long> ranges, long first, long last) {
    long from = first;
    long to = last;
    Map.Entry<Long, Long> before = ranges.floorEntry(from);
    if (before != null && before.getValue() >= from - 1) {
      from = before.getKey();
      to = Math.max(to, before.getValue());
      ranges.remove(before.getKey());
    }
    Map.Entry<Long, Long> after;
    while ((after = ranges.ceilingEntry(from)) != null && after.getKey() <= to + 1) {
      to = Math.max(to, after.getValue());
      ranges.remove(after.getKey());
    }
    ranges.put(from, to);
  }

  /** The recorded processed ranges, first id to last id. */
  private NavigableMap<Long, Long> ranges(Connection staging) throws SQLException {
    NavigableMap<Long, Long> ranges = new TreeMap<>();
    try (PreparedStatement ps =
            staging.prepareStatement(
                "SELECT "
                    + control.column("STGFIRST")
                    + ", "
                    + control.column("STGLAST")
                    + " FROM "
                    + control.qualified(ControlTables.PROCESSED_RANGES));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ranges.put(rs.getLong(1), rs.getLong(2));
      }
    }
    return ranges;
  }

  private void deleteRanges(Connection staging, List<Long> firsts) throws SQLException {
    String table = control.qualified(ControlTables.PROCESSED_RANGES);
    for (int from = 0; from < firsts.size(); from += chunk) {
      byIds(
          staging,
          "DELETE FROM " + table,
          "STGFIRST",
          firsts.subList(from, Math.min(firsts.size(), from + chunk)));
    }
  }

  /** Runs {@code statement} restricted to the rows whose {@code column} is in {@code ids}. */
  private int byIds(Connection staging, String statement, String column, List<Long> ids)
      throws SQLException {
    if (ids.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps =
        staging.prepareStatement(
            statement
                + " WHERE "
                + control.column(column)
                + " IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?"))
                + ")")) {
      for (int i = 0; i < ids.size(); i++) {
        ps.setLong(i + 1, ids.get(i));
      }
      return ps.executeUpdate();
    }
  }

  /**
   * Deletes processed rows older than {@code retainDays}, one committed window of log ids at a
   * time, then forgets the processed ranges left without a row (their ids never come back, so
   * nothing can be pending there). The log is walked along its primary key rather than searched by
   * time: an index on the time stamp would cost every captured edit one more index entry, to serve
   * a nightly clean-up. Ids grow with time, so the walk stops at the first window holding a row
   * newer than the cutoff; the few older rows a long-open editor transaction logged after it wait
   * for a later run.
   */
  void prune(Connection staging, int retainDays) throws SQLException {
    Timestamp cutoff = Timestamp.from(Instant.now().minus(Duration.ofDays(retainDays)));
    int isolation = staging.getTransactionIsolation();
    // No gap locks that would hold up editors appending to the log (MariaDB's REPEATABLE READ).
    staging.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    try {
      long total = prune(staging, cutoff);
      if (total > 0) {
        LOG.info("pruned {} processed change-log rows older than {} days", total, retainDays);
      }
    } finally {
      staging.setTransactionIsolation(isolation);
    }
  }

  private long prune(Connection staging, Timestamp cutoff) throws SQLException {
    staging.setAutoCommit(false);
    NavigableMap<Long, Long> processed = ranges(staging);
    long[] bounds = idBounds(staging);
    long total = 0;
    long walked = bounds[0] - 1;
    String log = control.qualified(ControlTables.LOG_ROWS);
    String id = control.column("STGRFNBR");
    // Read first, then delete by id: a DELETE over the whole window would wait for the row lock
    // of an editor's uncommitted change in it (InnoDB locks what it scans), and pruning must
    // never wait for an editor.
    try (PreparedStatement window =
        staging.prepareStatement(
            "SELECT "
                + id
                + ", "
                + control.column("STGSTMP")
                + " FROM "
                + log
                + " WHERE "
                + id
                + " BETWEEN ? AND ?")) {
      for (long first = bounds[0]; first <= bounds[1]; first += chunk) {
        window.setLong(1, first);
        window.setLong(2, first + chunk - 1);
        List<Long> old = new ArrayList<>();
        boolean newer = false;
        try (ResultSet rs = window.executeQuery()) {
          while (rs.next()) {
            boolean before = rs.getTimestamp(2).before(cutoff);
            newer |= !before;
            if (before && isProcessed(processed, rs.getLong(1))) {
              old.add(rs.getLong(1));
            }
          }
        }
        total += byIds(staging, "DELETE FROM " + log, "STGRFNBR", old);
        staging.commit();
        walked = first + chunk - 1;
        if (newer) {
          break;
        }
      }
    }
    forgetEmptyRanges(staging, processed.headMap(walked, true));
    staging.commit();
    return total;
  }

  private static boolean isProcessed(NavigableMap<Long, Long> ranges, long id) {
    Map.Entry<Long, Long> range = ranges.floorEntry(id);
    return range != null && range.getValue() >= id;
  }

  /** Deletes the ranges among {@code candidates} that no log row lies in any more. */
  private void forgetEmptyRanges(Connection staging, Map<Long, Long> candidates)
      throws SQLException {
    List<Long> empty = new ArrayList<>();
    String id = control.column("STGRFNBR");
    try (PreparedStatement probe =
        staging.prepareStatement(
            "SELECT MIN("
                + id
                + ") FROM "
                + control.qualified(ControlTables.LOG_ROWS)
                + " WHERE "
                + id
                + " BETWEEN ? AND ?")) {
      for (Map.Entry<Long, Long> range : candidates.entrySet()) {
        probe.setLong(1, range.getKey());
        probe.setLong(2, range.getValue());
        try (ResultSet rs = probe.executeQuery()) {
          rs.next();
          rs.getLong(1);
          if (rs.wasNull()) {
            empty.add(range.getKey());
          }
        }
      }
    }
    deleteRanges(staging, empty);
  }

  /** The lowest and highest id in the log; an empty log gives an empty range. */
  private long[] idBounds(Connection staging) throws SQLException {
    String id = control.column("STGRFNBR");
    try (PreparedStatement ps =
            staging.prepareStatement(
                "SELECT MIN("
                    + id
                    + "), MAX("
                    + id
                    + ") FROM "
                    + control.qualified(ControlTables.LOG_ROWS));
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      long min = rs.getLong(1);
      return rs.wasNull() ? new long[] {1, 0} : new long[] {min, rs.getLong(2)};
    }
  }
}
