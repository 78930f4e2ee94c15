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
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagingutils.core.control.ControlTables;

/**
 * Marks exactly the change-log rows a run propagated as processed, and prunes old processed rows in
 * bounded chunks so editors never wait long behind the pruning.
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
   * by one range update, so the cost follows the number of runs and not of rows (a consolidation
   * reads long runs); ids standing alone by key, many per statement.
   */
  void markProcessed(Connection staging, LogIds ids) throws SQLException {
    int isolation = staging.getTransactionIsolation();
    // A range update under MariaDB's default REPEATABLE READ locks the row after the range, and
    // waits for an editor whose uncommitted change took that id; READ COMMITTED skips the row.
    staging.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    try {
      mark(staging, ids);
    } finally {
      staging.setTransactionIsolation(isolation);
    }
  }

  private void mark(Connection staging, LogIds ids) throws SQLException {
    staging.setAutoCommit(false);
    List<Long> singles = new ArrayList<>(chunk);
    try (PreparedStatement ranges = staging.prepareStatement(rangeUpdate())) {
      int batched = 0;
      for (IdRange range : ids.ranges()) {
        if (range.size() == 1) {
          singles.add(range.first());
          if (singles.size() == chunk) {
            update(staging, singles);
            singles.clear();
          }
          continue;
        }
        ranges.setLong(1, range.first());
        ranges.setLong(2, range.last());
        ranges.addBatch();
        if (++batched == chunk) {
          ranges.executeBatch();
          batched = 0;
        }
      }
      if (batched > 0) {
        ranges.executeBatch();
      }
    }
    if (!singles.isEmpty()) {
      update(staging, singles);
    }
    staging.commit();
  }

  /**
   * Every id of a range was read as pending by the run, so the range holds no row the run did not
   * see; the pending test keeps a row already marked (by a repair run) from being written again.
   */
  private String rangeUpdate() {
    return "UPDATE "
        + control.qualified(ControlTables.CHANGE_LOG)
        + " SET "
        + control.column("STGPROCESSED")
        + " = 1 WHERE "
        + control.column("STGRFNBR")
        + " BETWEEN ? AND ? AND "
        + control.column("STGPROCESSED")
        + " = 0";
  }

  private void update(Connection staging, List<Long> ids) throws SQLException {
    byIds(
        staging,
        "UPDATE "
            + control.qualified(ControlTables.CHANGE_LOG)
            + " SET "
            + control.column("STGPROCESSED")
            + " = 1",
        ids);
  }

  /** Runs {@code statement} restricted to the change-log rows {@code ids}; the rows it changed. */
  private int byIds(Connection staging, String statement, List<Long> ids) throws SQLException {
    try (PreparedStatement ps =
        staging.prepareStatement(
            statement
                + " WHERE "
                + control.column("STGRFNBR")
                + " IN ("
                + String.join(", ", java.util.Collections.nCopies(ids.size(), "?"))
                + ")")) {
      for (int i = 0; i < ids.size(); i++) {
        ps.setLong(i + 1, ids.get(i));
      }
      return ps.executeUpdate();
    }
  }

  /**
   * Deletes processed rows older than {@code retainDays}, one committed window of log ids at a
   * time. The log is walked along its primary key rather than searched by time: an index on the
   * time stamp would cost every captured edit one more index entry, to serve a nightly clean-up.
   * Ids grow with time, so the walk stops at the first window holding a row newer than the cutoff;
   * the few older rows a long-open editor transaction logged after it wait for a later run.
   */
  void prune(Connection staging, int retainDays) throws SQLException {
    Timestamp cutoff = Timestamp.from(Instant.now().minus(Duration.ofDays(retainDays)));
    int isolation = staging.getTransactionIsolation();
    // As when marking: no gap locks that would hold up editors appending to the log.
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
    long[] bounds = idBounds(staging);
    long total = 0;
    String log = control.qualified(ControlTables.CHANGE_LOG);
    String id = control.column("STGRFNBR");
    String stamp = control.column("STGSTMP");
    // Read first, then delete by id: a DELETE over the whole window would wait for the row lock
    // of an editor's uncommitted change in it (InnoDB locks what it scans), and pruning must
    // never wait for an editor.
    try (PreparedStatement window =
        staging.prepareStatement(
            "SELECT "
                + id
                + ", "
                + control.column("STGPROCESSED")
                + ", "
                + stamp
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
            boolean before = rs.getTimestamp(3).before(cutoff);
            newer |= !before;
            if (before && rs.getInt(2) == 1) {
              old.add(rs.getLong(1));
            }
          }
        }
        if (!old.isEmpty()) {
          total += delete(staging, old);
        }
        staging.commit();
        if (newer) {
          break;
        }
      }
    }
    staging.commit();
    return total;
  }

  private int delete(Connection staging, List<Long> ids) throws SQLException {
    return byIds(staging, "DELETE FROM " + control.qualified(ControlTables.CHANGE_LOG), ids);
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
                    + control.qualified(ControlTables.CHANGE_LOG));
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      long min = rs.getLong(1);
      return rs.wasNull() ? new long[] {1, 0} : new long[] {min, rs.getLong(2)};
    }
  }
}
