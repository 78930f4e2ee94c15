// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which change-log ids are pending: those outside every processed range, as read from one snapshot.
 * Pending rows lie in the gaps between the ranges (changes a partial run left, or an editor's
 * transaction that committed late) and after the last range, where nearly all of them are; reads
 * select them by id ranges on the log's (table, id) index, never walking processed rows.
 */
public final class PendingLog {
  /** Bounded gaps per condition: enough for any usual log, few enough for one statement. */
  private static final int GAPS_PER_CONDITION = 50;

  private final ControlTables control;
  private final List<long[]> gaps;
  private final long tail;

  private PendingLog(ControlTables control, List<long[]> gaps, long tail) {
    this.control = control;
    this.gaps = gaps;
    this.tail = tail;
  }

  /** A condition on the log id and the values it binds, in order. */
  public record Condition(String sql, List<Long> values) {
    /** Binds the values from parameter {@code first} on; returns the next free parameter. */
    public int bind(PreparedStatement statement, int first) throws SQLException {
      int index = first;
      for (long value : values) {
        statement.setLong(index++, value);
      }
      return index;
    }
  }

  /** Reads the processed ranges as {@code connection}'s snapshot sees them. */
  public static PendingLog read(Connection connection, ControlTables control) throws SQLException {
    List<long[]> gaps = new ArrayList<>();
    long next = Long.MIN_VALUE;
    try (PreparedStatement ps =
            connection.prepareStatement(
                "SELECT "
                    + control.column("STGFIRST")
                    + ", "
                    + control.column("STGLAST")
                    + " FROM "
                    + control.qualified(ControlTables.PROCESSED_RANGES)
                    + " ORDER BY "
                    + control.column("STGFIRST"));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long first = rs.getLong(1);
        if (first > next) {
          gaps.add(new long[] {next, first - 1});
        }
        next = Math.max(next, rs.getLong(2) + 1);
      }
    }
    return new PendingLog(control, gaps, next);
  }

  /**
   * Conditions that together select exactly the pending ids, in ascending id order: rows read
   * condition by condition, each ordered by id, come in log order. The open-ended tail, which holds
   * most pending rows, is a condition of its own, so that its read is one index range in order.
   */
  public List<Condition> conditions() {
    String id = control.column("STGRFNBR");
    List<Condition> conditions = new ArrayList<>();
    for (int from = 0; from < gaps.size(); from += GAPS_PER_CONDITION) {
      List<long[]> some = gaps.subList(from, Math.min(gaps.size(), from + GAPS_PER_CONDITION));
      List<Long> values = new ArrayList<>(2 * some.size());
      for (long[] gap : some) {
        values.add(gap[0]);
        values.add(gap[1]);
      }
      conditions.add(
          new Condition(
              "("
                  + String.join(" OR ", Collections.nCopies(some.size(), id + " BETWEEN ? AND ?"))
                  + ")",
              values));
    }
    conditions.add(new Condition(id + " >= ?", List.of(tail)));
    return conditions;
  }
}
