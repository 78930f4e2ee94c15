// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.cli.ExitCodes;
import org.stagingutils.core.propagate.StagingSession;
import org.stagingutils.core.propagate.TransactionMode;
import org.stagingutils.core.testdb.DatabaseKind;

/**
 * A DBA kills stagingprop's production session from the server while it writes: the run fails as a
 * database error (exit 3), production keeps none of it (one transaction), the change log stays
 * pending, and the next run converges.
 */
class ConnectionKillIT {
  private static final long FIRST = 100_000;

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = DatabaseKind.class,
      names = {"POSTGRESQL", "MARIADB"})
  @Timeout(90)
  void aKilledProductionSessionFailsTheRunAndTheNextRunConverges(DatabaseKind kind)
      throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      Reliability.propagate(session, TransactionMode.ONE); // production control tables
      new BulkEdits(session.pair.staging()).insert(FIRST, 900);
      session.edit("UPDATE STORE SET STATUS = 7 WHERE STORE_ID = 1");
      Map<String, List<String>> before = session.production();
      long pending = session.pending();

      // In a JVM of its own, as in real use: with assertions enabled (-ea, as in tests) the
      // PostgreSQL driver turns the broken batch into an AssertionError instead of an SQLException.
      try (EngineProcess child =
          EngineProcess.start(
              "propagate",
              session.config(),
              TransactionMode.ONE,
              Reliability.BATCH_SIZE,
              session.tables)) {
        ProductionWrites.await(session, FIRST, child::isAlive, Duration.ofSeconds(60));
        List<Long> sessions =
            ServerSessions.of(session.pair.production(), ServerSessions.Filter.ANY);
        for (long id : sessions) {
          ServerSessions.kill(session.pair.production(), id);
        }
        assertThat(child.waitFor(Duration.ofSeconds(60)))
            .as("killed %s: %s", sessions, child.output())
            .isEqualTo(ExitCodes.RUNTIME);
        assertThat(child.output()).contains("failed DATABASE");
      }
      assertThat(session.production()).as("production after the failed run").isEqualTo(before);
      assertThat(session.pending()).isEqualTo(pending);

      Reliability.propagate(session, TransactionMode.ONE);
      Reliability.assertConverged(session, kind + " after the killed session");
    }
  }

  /**
   * What a server restart does to a run, short of restarting a server other tests share: every
   * session of the run on both databases ends at once, the run lock's included. {@link
   * ServerRestartIT} restarts a server of its own for real.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = DatabaseKind.class,
      names = {"POSTGRESQL", "MARIADB"})
  @Timeout(90)
  void everySessionEndedAsByARestartFailsTheRunAndTheNextRunConverges(DatabaseKind kind)
      throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      Reliability.propagate(session, TransactionMode.ONE);
      new BulkEdits(session.pair.staging()).insert(FIRST, 900);
      Map<String, List<String>> before = session.production();
      long pending = session.pending();

      try (EngineProcess child =
          EngineProcess.start(
              "propagate",
              session.config(),
              TransactionMode.ONE,
              Reliability.BATCH_SIZE,
              session.tables)) {
        ProductionWrites.await(session, FIRST, child::isAlive, Duration.ofSeconds(60));
        for (var database : List.of(session.pair.staging(), session.pair.production())) {
          for (long id : ServerSessions.of(database, ServerSessions.Filter.ANY)) {
            ServerSessions.kill(database, id);
          }
        }
        assertThat(child.waitFor(Duration.ofSeconds(60)))
            .as(child.output())
            .isEqualTo(ExitCodes.RUNTIME);
      }
      assertThat(session.production()).as("production after the failed run").isEqualTo(before);
      assertThat(session.pending()).isEqualTo(pending);

      Reliability.propagate(session, TransactionMode.ONE);
      Reliability.assertConverged(session, kind + " after every session was ended");
    }
  }
}
