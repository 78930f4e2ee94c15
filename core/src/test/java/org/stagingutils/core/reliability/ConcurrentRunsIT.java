// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.cli.ExitCodes;
import org.stagingutils.core.copy.CopyRequest;
import org.stagingutils.core.copy.StagingCopy;
import org.stagingutils.core.progress.ProgressListener;
import org.stagingutils.core.propagate.PropagationResult;
import org.stagingutils.core.propagate.StagingPropagation;
import org.stagingutils.core.propagate.StagingSession;
import org.stagingutils.core.propagate.TransactionMode;
import org.stagingutils.core.testdb.DatabaseKind;

/**
 * Two utilities on one staging database, the second started while the first holds the run lock: the
 * first does its work, the second ends at once with exit code 4 having changed nothing, and both
 * databases end equal.
 */
class ConcurrentRunsIT {
  private static final long FIRST = 100_000;
  private static final int PRODUCTS = 2_000;

  /** One run's outcome: its exit code and when it ended. */
  private record Outcome(String name, int exitCode, String message, long endedNanos) {}

  @ParameterizedTest(name = "{0}")
  @EnumSource(DatabaseKind.class)
  @Timeout(180)
  void twoPropagationsOneProceedsTheOtherExits4(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      Reliability.propagate(session, TransactionMode.ONE); // production control tables
      new BulkEdits(session.pair.staging()).insert(FIRST, PRODUCTS);

      List<Outcome> outcomes = race(session, "stagingprop", "stagingprop");

      assertOneProceededTheOtherExited4(outcomes);
      Reliability.assertConverged(session, kind + " after two stagingprop at once");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(DatabaseKind.class)
  @Timeout(180)
  void copyAndPropagationOneProceedsTheOtherExits4(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      // Thousands of rows for the copy to move, and thousands of pending updates to propagate.
      new BulkEdits(session.pair.staging()).insert(FIRST, PRODUCTS);
      Reliability.propagate(session, TransactionMode.ONE);
      new BulkEdits(session.pair.staging()).update(FIRST, FIRST + PRODUCTS - 1, 1);

      List<Outcome> outcomes = race(session, "stagingcopy", "stagingprop");

      assertOneProceededTheOtherExited4(outcomes);
      // Either the copy won (staging is production's again, its pending changes discarded by
      // --force) or the propagation did (production is staging's): equal either way.
      Reliability.assertConverged(session, kind + " after stagingcopy and stagingprop at once");
    }
  }

  /**
   * Starts {@code first}, and {@code second} once {@code first} holds the run lock: {@code first}
   * waits inside its lock (at its first progress report) until {@code second} has ended. A plain
   * race let {@code first} end before {@code second} asked, on a fast machine.
   */
  private static List<Outcome> race(StagingSession session, String first, String second)
      throws Exception {
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch secondEnded = new CountDownLatch(1);
    ProgressListener holdInsideTheLock =
        new ProgressListener() {
          @Override
          public void begin(String task, long total, String unit) {
            locked.countDown();
            try {
              secondEnded.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Outcome> a = pool.submit(() -> run(session, first, holdInsideTheLock));
      Future<Outcome> b =
          pool.submit(
              () -> {
                try {
                  locked.await(60, TimeUnit.SECONDS);
                  return run(session, second, ProgressListener.NONE);
                } finally {
                  secondEnded.countDown();
                }
              });
      return List.of(a.get(150, TimeUnit.SECONDS), b.get(150, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
  }

  private static Outcome run(StagingSession session, String utility, ProgressListener progress)
      throws Exception {
    try {
      if (utility.equals("stagingcopy")) {
        new StagingCopy(progress)
            .copy(
                new CopyRequest(
                    session.config(), session.tables, false, true, 1000, Optional.empty()));
      } else {
        PropagationResult result =
            new StagingPropagation(progress)
                .propagate(Reliability.request(session, TransactionMode.ONE, false));
        assertThat(result.refused()).as("%s %s", result.message(), result.conflicts()).isFalse();
      }
      return new Outcome(utility, ExitCodes.OK, "", System.nanoTime());
    } catch (StagingException e) {
      return new Outcome(utility, ExitCodes.of(e.category()), e.getMessage(), System.nanoTime());
    }
  }

  private static void assertOneProceededTheOtherExited4(List<Outcome> outcomes) {
    List<Integer> codes = outcomes.stream().map(Outcome::exitCode).sorted().toList();
    assertThat(codes)
        .as("exit codes of %s (both 0: the first ended before the second asked)", outcomes)
        .containsExactly(ExitCodes.OK, ExitCodes.LOCKED);
    Outcome winner = outcomes.stream().filter(o -> o.exitCode() == 0).findFirst().orElseThrow();
    Outcome loser = outcomes.stream().filter(o -> o.exitCode() != 0).findFirst().orElseThrow();
    assertThat(loser.message()).contains("holds the lock").doesNotContain("\n");
    assertThat(loser.endedNanos())
        .as("%s exits at once, before %s ends", loser.name(), winner.name())
        .isLessThan(winner.endedNanos());
  }
}
