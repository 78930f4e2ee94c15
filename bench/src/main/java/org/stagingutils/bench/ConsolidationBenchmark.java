// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pair 3: stagingprop of the same rows changed once each, then a hundred times each (10,000 rows at
 * scale 1, so 10,000 against 1,000,000 change-log rows). Consolidation should make the second cost
 * little more than the first: the work that reaches production is the same.
 */
final class ConsolidationBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(ConsolidationBenchmark.class);
  private static final int CHANGES_PER_ROW = 100;

  private final BenchContext context;
  private final String rows;

  ConsolidationBenchmark(BenchContext context) {
    this.context = context;
    this.rows = "CATENTRY_ID % 20 = 7 AND CATENTRY_ID <= " + context.catalog().entries();
  }

  void run() throws SQLException {
    long rowCount =
        BenchDatabases.queryLong(
            context.databases().stagingConnection(), "SELECT COUNT(*) FROM CATENTRY WHERE " + rows);
    Summary once = measure("once", 1);
    Summary many = measure("many", CHANGES_PER_ROW);
    context
        .results()
        .add(
            new Comparison(
                "3",
                String.format(
                    "consolidate %,d log rows over %,d rows", rowCount * CHANGES_PER_ROW, rowCount),
                context.dialect().displayName(),
                "stagingprop, " + CHANGES_PER_ROW + " changes a row",
                many,
                "stagingprop, 1 change a row",
                once,
                2.0,
                "s"));
  }

  /** Changes the rows n times in staging, then times stagingprop over them. */
  private Summary measure(String label, int changesPerRow) throws SQLException {
    long before = context.stagingLogMark();
    for (int i = 0; i < changesPerRow; i++) {
      BenchDatabases.update(
          context.databases().stagingConnection(),
          "UPDATE CATENTRY SET PRICE = PRICE + 1 WHERE " + rows);
    }
    long after = context.stagingLogMark();
    LOG.info(
        "{}: {} change-log rows to consolidate", context.dialect().displayName(), after - before);
    boolean[] propagated = {false};
    Runnable restore =
        BenchContext.unchecked(
            "restoring production and settling the change log",
            () -> {
              if (propagated[0]) {
                BenchDatabases.update(
                    context.databases().productionConnection(),
                    "UPDATE CATENTRY SET PRICE = PRICE - " + changesPerRow + " WHERE " + rows);
                context.markPending(before, after);
              }
              // The first run would find the log as the updates above left it, and each later
              // run the dead rows of the previous run's marking and of markPending: a session's
              // log is written once and marked once, so every run starts from a settled log.
              context.dialect().settleChangeLog(context.databases().stagingConnection());
            });
    String trial = "stagingprop-" + label;
    Map<String, Summary> summaries =
        context
            .repeater()
            .repeat(
                List.of(
                    new Trial(
                        trial,
                        restore,
                        () -> {
                          propagated[0] = true;
                          return context.utilities().run("stagingprop", trial);
                        })));
    return summaries.get(trial);
  }
}
