// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.stagingutils.core.propagate.PropagationResult;
import org.stagingutils.core.testdb.TestDatabase;

/**
 * The propagation journal in production, run by run, with the per-table rows summed: a run's totals
 * must equal the sum of its tables, and the runs that follow a dry run must together apply exactly
 * what the dry run planned, once.
 */
record JournalRuns(List<Run> runs) {

  record Run(long id, long[] totals, long[] tableTotals) {}

  static JournalRuns read(TestDatabase production) throws SQLException {
    List<Run> runs = new ArrayList<>();
    try (Connection c = production.connection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT j.RUN_ID, j.INSERTED, j.UPDATED, j.DELETED,"
                    + " (SELECT COALESCE(SUM(t.INSERTED), 0) FROM STAGPROP_JOURNAL_TABLE t"
                    + " WHERE t.RUN_ID = j.RUN_ID),"
                    + " (SELECT COALESCE(SUM(t.UPDATED), 0) FROM STAGPROP_JOURNAL_TABLE t"
                    + " WHERE t.RUN_ID = j.RUN_ID),"
                    + " (SELECT COALESCE(SUM(t.DELETED), 0) FROM STAGPROP_JOURNAL_TABLE t"
                    + " WHERE t.RUN_ID = j.RUN_ID)"
                    + " FROM STAGPROP_JOURNAL j ORDER BY j.RUN_ID")) {
      while (rs.next()) {
        runs.add(
            new Run(
                rs.getLong(1),
                new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)},
                new long[] {rs.getLong(5), rs.getLong(6), rs.getLong(7)}));
      }
    }
    return new JournalRuns(runs);
  }

  long lastRunId() {
    return runs.isEmpty() ? 0 : runs.get(runs.size() - 1).id();
  }

  /** Every run's totals are the sums of its tables. */
  JournalRuns assertEveryRunAddsUp() {
    for (Run run : runs) {
      assertThat(run.totals())
          .as("journal run %s: totals vs tables", run.id())
          .isEqualTo(run.tableTotals());
    }
    return this;
  }

  /** The runs after {@code afterRunId} together inserted, updated and deleted what was planned. */
  void assertAppliedOnce(long afterRunId, PropagationResult planned, String context) {
    assertThat(since(afterRunId))
        .as("%s: inserted, updated, deleted journaled since run %s", context, afterRunId)
        .isEqualTo(new long[] {planned.inserted(), planned.updated(), planned.deleted()});
  }

  /**
   * As {@link #assertAppliedOnce}, but a re-run may write again what the killed run wrote: on
   * MariaDB, whose log misses cascades, it replaces again the rows staging deleted and re-inserted.
   */
  void assertAppliedAtLeastOnce(long afterRunId, PropagationResult planned, String context) {
    long[] sum = since(afterRunId);
    long[] plan = {planned.inserted(), planned.updated(), planned.deleted()};
    for (int i = 0; i < 3; i++) {
      assertThat(sum[i])
          .as("%s: journaled since run %s [%s]", context, afterRunId, i)
          .isGreaterThanOrEqualTo(plan[i]);
    }
  }

  /** As {@link #assertAppliedOnce}, but work committed without its journal row may be missing. */
  void assertAppliedAtMostOnce(long afterRunId, PropagationResult planned, String context) {
    long[] sum = since(afterRunId);
    long[] plan = {planned.inserted(), planned.updated(), planned.deleted()};
    for (int i = 0; i < 3; i++) {
      assertThat(sum[i])
          .as("%s: journaled since run %s [%s]", context, afterRunId, i)
          .isBetween(0L, plan[i]);
    }
  }

  private long[] since(long afterRunId) {
    long[] sum = new long[3];
    for (Run run : runs) {
      if (run.id() > afterRunId) {
        for (int i = 0; i < 3; i++) {
          sum[i] += run.totals()[i];
        }
      }
    }
    return sum;
  }
}
