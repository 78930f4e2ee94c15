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
import java.util.Collection;
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
  void markProcessed(Connection staging, Collection<Long> ids) throws SQLException {
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

  private void mark(Connection staging, Collection<Long> ids) throws SQLException {
    staging.setAutoCommit(false);
    List<Long> singles = new ArrayList<>(chunk);
    try (PreparedStatement ranges = staging.prepareStatement(rangeUpdate())) {
      int batched = 0;
      for (IdRange range : IdRange.of(ids)) {
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
    try (PreparedStatement ps =
        staging.prepareStatement(
            "UPDATE "
                + control.qualified(ControlTables.CHANGE_LOG)
                + " SET "
                + control.column("STGPROCESSED")
                + " = 1 WHERE "
                + control.column("STGRFNBR")
                + " IN ("
                + String.join(", ", java.util.Collections.nCopies(ids.size(), "?"))
                + ")")) {
      for (int i = 0; i < ids.size(); i++) {
        ps.setLong(i + 1, ids.get(i));
      }
      ps.executeUpdate();
    }
  }

  /** Deletes processed rows older than {@code retainDays}, one committed chunk at a time. */
  void prune(Connection staging, int retainDays) throws SQLException {
    Timestamp cutoff = Timestamp.from(Instant.now().minus(Duration.ofDays(retainDays)));
    long total = 0;
    while (true) {
      List<Long> ids = new ArrayList<>(chunk);
      try (PreparedStatement ps =
          staging.prepareStatement(
              "SELECT "
                  + control.column("STGRFNBR")
                  + " FROM "
                  + control.qualified(ControlTables.CHANGE_LOG)
                  + " WHERE "
                  + control.column("STGPROCESSED")
                  + " = 1 AND "
                  + control.column("STGSTMP")
                  + " < ?")) {
        ps.setMaxRows(chunk);
        ps.setTimestamp(1, cutoff);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
      }
      if (ids.isEmpty()) {
        break;
      }
      try (PreparedStatement ps =
          staging.prepareStatement(
              "DELETE FROM "
                  + control.qualified(ControlTables.CHANGE_LOG)
                  + " WHERE "
                  + control.column("STGRFNBR")
                  + " IN ("
                  + String.join(", ", java.util.Collections.nCopies(ids.size(), "?"))
                  + ")")) {
        for (int i = 0; i < ids.size(); i++) {
          ps.setLong(i + 1, ids.get(i));
        }
        total += ps.executeUpdate();
      }
      staging.commit();
    }
    if (total > 0) {
      LOG.info("pruned {} processed change-log rows older than {} days", total, retainDays);
    }
  }
}
