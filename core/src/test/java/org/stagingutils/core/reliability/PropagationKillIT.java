// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagingutils.core.propagate.PropagationResult;
import org.stagingutils.core.propagate.RandomWorkload;
import org.stagingutils.core.propagate.StagingSession;
import org.stagingutils.core.propagate.TransactionMode;
import org.stagingutils.core.testdb.DatabaseKind;

/**
 * stagingprop killed with SIGKILL at many points (before it connects, while it plans, while it
 * writes, between production's commit and the marking of the change log): the next run must
 * complete the work, with production equal to staging, nothing pending, and every change journaled
 * exactly once. With one production transaction, a killed run leaves production as it was or as
 * staging wants it, never in between.
 */
class PropagationKillIT {
  private static final Logger LOG = LoggerFactory.getLogger(PropagationKillIT.class);
  private static final int PRODUCTS = 900;
  private static final long FIRST = 100_000;
  private static final Duration RUN_LIMIT = Duration.ofSeconds(60);

  /** When to kill the child: after a delay, when it logs a line, or once it writes production. */
  private record Kill(String description, TransactionMode mode, double fraction, String logLine) {
    static final String WRITING = "";

    static Kill after(double fraction) {
      return new Kill("after " + fraction + " of a clean run", TransactionMode.ONE, fraction, null);
    }

    static Kill at(String line) {
      return new Kill("when it logs '" + line + "'", TransactionMode.ONE, 0, line);
    }

    static Kill whileWriting(TransactionMode mode, double delay) {
      return new Kill(
          (int) (delay * 1000) + " ms into writing production, transaction " + mode,
          mode,
          delay,
          WRITING);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = DatabaseKind.class,
      names = {"POSTGRESQL", "MARIADB"})
  @Timeout(150)
  void theNextRunCompletesWhatAKilledRunLeft(DatabaseKind kind) throws Exception {
    // A fixed seed keeps CI reproducible; -Dreliability.seed=N explores others (seed 9906942563401
    // found the MariaDB cascade-replay gap now covered by StagingPropagationIT's replaced
    // subtrees).
    long seed = Long.getLong("reliability.seed", 9301964920432L);
    Random random = new Random(seed);
    try (StagingSession session = new StagingSession(kind)) {
      Reliability.propagate(session, TransactionMode.ONE); // production control tables
      BulkEdits bulk = new BulkEdits(session.pair.staging());
      bulk.insert(FIRST, PRODUCTS);

      long started = System.nanoTime();
      try (EngineProcess clean = start(session, TransactionMode.ONE)) {
        assertThat(clean.waitFor(RUN_LIMIT)).as(clean.output()).isZero();
      }
      Duration cleanRun = Duration.ofNanos(System.nanoTime() - started);
      LOG.info("{}: clean child run took {} ms (seed {})", kind, cleanRun.toMillis(), seed);
      Reliability.assertConverged(session, kind + " clean child run");

      List<Kill> kills =
          List.of(
              Kill.after(0),
              Kill.at("consolidated into"),
              Kill.whileWriting(TransactionMode.ONE, 0.2 * random.nextDouble()),
              Kill.after(0.3 + 0.6 * random.nextDouble()),
              Kill.at("production committed"),
              Kill.whileWriting(TransactionMode.TABLE, 0.2 * random.nextDouble()));
      RandomWorkload workload = new RandomWorkload(seed, session::q);
      for (int round = 1; round <= kills.size(); round++) {
        Kill kill = kills.get(round - 1);
        String context =
            kind + " round " + round + " (killed " + kill.description() + ", seed " + seed + ")";
        long t0 = System.nanoTime();
        edit(session, bulk, workload, round);
        long t1 = System.nanoTime();
        PropagationResult planned = Reliability.plan(session);
        long t2 = System.nanoTime();
        assertThat(planned.refused())
            .as("%s: dry run before the kill: %s", context, planned.conflicts())
            .isFalse();
        long lastRun = JournalRuns.read(session.pair.production()).lastRunId();
        Map<String, List<String>> before = session.production();
        Map<String, List<String>> wanted = session.staging();

        boolean killed;
        long age;
        try (EngineProcess child = start(session, kill.mode())) {
          if (kill.logLine() == null) {
            Thread.sleep((long) (cleanRun.toMillis() * kill.fraction()));
          } else if (kill.logLine().equals(Kill.WRITING)) {
            ProductionWrites.await(session, FIRST + PRODUCTS * round, child::isAlive, RUN_LIMIT);
            Thread.sleep((long) (1000 * kill.fraction()));
          } else {
            assertThat(child.awaitLine(kill.logLine(), RUN_LIMIT)).as(child.output()).isTrue();
          }
          killed = child.isAlive();
          age = child.age().toMillis();
          child.kill();
        }
        ServerSessions.awaitNone(
            Duration.ofSeconds(15), session.pair.staging(), session.pair.production());
        // One production transaction: all of the run or none of it.
        Map<String, List<String>> after = session.production();
        if (kill.mode() == TransactionMode.ONE) {
          assertThat(after).as(context + ": production after the kill").isIn(before, wanted);
        }
        LOG.info(
            "{}: {} at {} ms; production {}; {} change-log rows pending",
            context,
            killed ? "killed" : "already finished",
            age,
            after.equals(before) ? "untouched" : "committed",
            session.pending());

        long t3 = System.nanoTime();
        Reliability.propagate(session, TransactionMode.ONE);
        long t4 = System.nanoTime();
        LOG.info(
            "{}: edit {} ms, dry run {} ms, killed run and check {} ms, re-run {} ms",
            context,
            (t1 - t0) / 1_000_000,
            (t2 - t1) / 1_000_000,
            (t3 - t2) / 1_000_000,
            (t4 - t3) / 1_000_000);

        Reliability.assertConverged(session, context + (killed ? "" : " (ended before the kill)"));
        if (kill.mode() == TransactionMode.ONE && kind == DatabaseKind.MARIADB) {
          // The re-run replaces again the rows staging deleted and re-inserted
          // (docs/stagingprop.md).
          JournalRuns.read(session.pair.production())
              .assertAppliedAtLeastOnce(lastRun, planned, context);
        } else if (kill.mode() == TransactionMode.ONE) {
          JournalRuns.read(session.pair.production()).assertAppliedOnce(lastRun, planned, context);
        } else {
          // Known gap: tables committed before the kill are in no journal row
          // (docs/reliability.md).
          JournalRuns.read(session.pair.production())
              .assertAppliedAtMostOnce(lastRun, planned, context);
        }
      }
    }
  }

  private static void edit(
      StagingSession session, BulkEdits bulk, RandomWorkload workload, int round) throws Exception {
    long base = FIRST + PRODUCTS * round;
    bulk.insert(base, PRODUCTS / 3);
    bulk.update(FIRST, FIRST + PRODUCTS / 2, round);
    long gone = FIRST + PRODUCTS - round * 60L;
    bulk.delete(gone, gone + 40);
    try (Connection editor = session.pair.staging().connection()) {
      workload.run(editor, 40);
    }
  }

  private static EngineProcess start(StagingSession session, TransactionMode mode)
      throws Exception {
    return EngineProcess.start(
        "propagate", session.config(), mode, Reliability.BATCH_SIZE, session.tables);
  }
}
