// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pairs 2 and 5 on the same pending changes: stagingcheck against stagingprop --dry-run, then
 * stagingprop against the minimal SQL run by the client in one transaction, and stagingprop of the
 * one change set holding every change but one new product against plain stagingprop (what a partial
 * run's second planning and prerequisite look-ups cost: a run that takes every pending row is
 * planned as a plain run). Between runs production is restored and the change log made pending
 * again, so every run does the same work.
 */
final class PropagationBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(PropagationBenchmark.class);
  private static final String CHANGE_SET = "bench";

  private final BenchContext context;
  private final List<Edit> edits;
  private final Edit leftOut;
  private boolean productionChanged;
  private boolean logProcessed;
  private long logBefore;
  private long logAfter;

  PropagationBenchmark(BenchContext context) {
    this.context = context;
    long newProducts = context.scaled(2_500);
    this.leftOut = MixedEdits.leftOutOfTheChangeSet(context.catalog(), newProducts);
    this.edits =
        java.util.stream.Stream.concat(
                MixedEdits.of(context.catalog(), newProducts).stream(),
                java.util.stream.Stream.of(leftOut))
            .toList();
  }

  void run() throws SQLException, IOException {
    Connection production = context.databases().productionConnection();
    Connection staging = context.databases().stagingConnection();
    for (Edit edit : edits) {
      if (edit.kind() == Edit.Kind.DELETE) {
        BenchDatabases.update(
            production,
            "CREATE TABLE "
                + edit.savedTable()
                + " AS SELECT * FROM "
                + edit.table()
                + " WHERE "
                + edit.rows());
      }
    }
    logBefore = context.stagingLogMark();
    long changes = 0;
    context.dialect().setChangeSet(staging, CHANGE_SET);
    try {
      for (Edit edit : edits) {
        if (edit != leftOut) {
          changes += BenchDatabases.update(staging, edit.apply());
        }
      }
    } finally {
      context.dialect().setChangeSet(staging, null);
    }
    changes += BenchDatabases.update(staging, leftOut.apply());
    logAfter = context.stagingLogMark();
    Path script =
        context.runner().workDir().resolve(context.dialect().resourceFolder() + "-minimal.sql");
    long statements =
        new MinimalSqlWriter(context.dialect()).write(script, edits, staging, production);
    LOG.info(
        "{}: {} changes in staging, {} statements in {}",
        context.dialect().displayName(),
        changes,
        statements,
        script);
    String workload = String.format("%,d changes", changes);
    compareCheck(workload);
    compareProp(workload, script);
    for (Edit edit : edits) {
      if (edit.kind() == Edit.Kind.DELETE) {
        BenchDatabases.update(production, "DROP TABLE " + edit.savedTable());
      }
    }
  }

  private void compareCheck(String workload) {
    UtilityLauncher utilities = context.utilities();
    Map<String, Summary> summaries =
        context
            .repeater()
            .repeat(
                List.of(
                    new Trial(
                        "stagingprop --dry-run",
                        () -> {},
                        () -> utilities.run("stagingprop", "dry-run", "--dry-run")),
                    new Trial(
                        "stagingcheck", () -> {}, () -> utilities.run("stagingcheck", "check"))));
    context
        .results()
        .add(
            new Comparison(
                "5",
                "check " + workload,
                context.dialect().displayName(),
                "stagingcheck",
                summaries.get("stagingcheck"),
                "stagingprop --dry-run",
                summaries.get("stagingprop --dry-run"),
                1.0,
                "s"));
  }

  private void compareProp(String workload, Path script) {
    BenchDialect dialect = context.dialect();
    String baseline = "minimal SQL, one transaction";
    Runnable restore = BenchContext.unchecked("restoring production", this::restore);
    Trial minimal =
        new Trial(
            baseline,
            restore,
            () -> {
              productionChanged = true;
              return context
                  .runner()
                  .run(
                      dialect.resourceFolder() + "-minimal-sql",
                      dialect.runFileInOneTransaction(context.databases().production(), script),
                      dialect.clientEnvironment())
                  .seconds();
            });
    Trial prop =
        new Trial(
            "stagingprop",
            restore,
            () -> {
              productionChanged = true;
              logProcessed = true;
              return context.utilities().run("stagingprop", "prop");
            });
    String partialName = "stagingprop --change-set";
    Trial partial =
        new Trial(
            partialName,
            restore,
            () -> {
              productionChanged = true;
              logProcessed = true;
              return context
                  .utilities()
                  .run("stagingprop", "prop-change-set", "--change-set", CHANGE_SET);
            });
    Map<String, Summary> summaries = context.repeater().repeat(List.of(minimal, prop, partial));
    context
        .results()
        .add(
            new Comparison(
                "2",
                "propagate " + workload,
                dialect.displayName(),
                "stagingprop",
                summaries.get("stagingprop"),
                baseline,
                summaries.get(baseline),
                1.5,
                "s"));
    context
        .results()
        .add(
            new Comparison(
                "2p",
                "propagate " + workload + ", all but one in one change set",
                dialect.displayName(),
                partialName,
                summaries.get(partialName),
                "stagingprop",
                summaries.get("stagingprop"),
                1.5,
                "s"));
  }

  /** Production as before the edits, and the edits pending again. */
  private void restore() throws SQLException {
    if (productionChanged) {
      Connection production = context.databases().productionConnection();
      production.setAutoCommit(false);
      try {
        for (int i = edits.size() - 1; i >= 0; i--) {
          BenchDatabases.update(production, edits.get(i).restore());
        }
        production.commit();
      } finally {
        production.setAutoCommit(true);
      }
      productionChanged = false;
    }
    if (logProcessed) {
      context.markPending(logBefore, logAfter);
      logProcessed = false;
    }
  }
}
