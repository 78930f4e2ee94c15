// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.propagate.PropagationResult;
import org.stagingutils.core.propagate.RandomWorkload;
import org.stagingutils.core.propagate.StagingPropagation;
import org.stagingutils.core.propagate.StagingSession;
import org.stagingutils.core.propagate.TransactionMode;
import org.stagingutils.core.testdb.DatabaseKind;

/**
 * The out-of-order commit: editor A's transaction takes change-log ids first and stays open while
 * editor B commits and stagingprop runs. The run must not wait for A, must propagate B's work only,
 * and A's changes, committed afterwards with ids lower than those already processed, must go with
 * the next run: nothing lost, nothing applied twice.
 */
class ConcurrentEditorsIT {
  private static final int ROUNDS = 3;
  private static final int STATEMENTS = 30;

  @ParameterizedTest(name = "{0}")
  @EnumSource(DatabaseKind.class)
  @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void changesCommittedAfterARunWithLowerLogIdsGoWithTheNextRun(DatabaseKind kind)
      throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try (StagingSession session = new StagingSession(kind);
        Connection a = session.pair.staging().connection();
        Connection b = session.pair.staging().connection()) {
      Reliability.propagate(session, TransactionMode.ONE);
      noLockWaits(kind, a);
      noLockWaits(kind, b);
      RandomWorkload workloadA = new RandomWorkload(11L * kind.ordinal() + 1, session::q);
      RandomWorkload workloadB = new RandomWorkload(13L * kind.ordinal() + 2, session::q);
      for (int round = 1; round <= ROUNDS; round++) {
        String context = kind + " round " + round;
        long lastId = maxLogId(session);
        a.setAutoCommit(false);
        int appliedByA = runInTransaction(a, editsOfA(kind, workloadA, round));
        // Takes A's first id, so that the ids of A's change-log rows are known after its commit.
        a.createStatement().execute("UPDATE STORE SET STATUS = STATUS WHERE STORE_ID = 2");
        workloadB.run(b, STATEMENTS);
        b.createStatement()
            .execute("UPDATE STORE SET IDENTIFIER = 'B" + round + "' WHERE STORE_ID = 1");

        Future<PropagationResult> run =
            executor.submit(
                () ->
                    new StagingPropagation()
                        .propagate(Reliability.request(session, TransactionMode.ONE, false)));
        PropagationResult first = run.get(30, TimeUnit.SECONDS); // must not wait for A
        assertThat(first.refused()).as("%s: %s", context, first.conflicts()).isFalse();
        assertThat(session.pending()).as("%s: A's rows are not visible yet", context).isZero();
        long maxProcessed = maxLogId(session);

        a.commit();
        a.setAutoCommit(true);
        long lowestOfA = lowestPendingId(session);
        assertThat(lowestOfA)
            .as("%s: A's change-log rows have ids below those already processed", context)
            .isGreaterThan(lastId)
            .isLessThan(maxProcessed);

        Reliability.propagate(session, TransactionMode.ONE);
        Reliability.assertConverged(
            session, context + " (A applied " + appliedByA + " statements)");
      }
    } finally {
      executor.shutdownNow();
    }
  }

  /**
   * The run marks what it read by runs of consecutive ids: A's change-log row, whose id lies
   * between ids the run read and whose transaction is still open while the run marks, must stay
   * pending after A commits, and the marking must not wait for A.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(DatabaseKind.class)
  @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aChangeWithAnIdBetweenTheIdsARunReadStaysPending(DatabaseKind kind) throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try (StagingSession session = new StagingSession(kind);
        Connection a = session.pair.staging().connection();
        Connection b = session.pair.staging().connection()) {
      Reliability.propagate(session, TransactionMode.ONE);
      noLockWaits(kind, a);
      noLockWaits(kind, b);
      try (Statement editB = b.createStatement();
          Statement editA = a.createStatement()) {
        editB.execute("UPDATE STORE SET IDENTIFIER = 'B1' WHERE STORE_ID = 1");
        editB.execute("UPDATE STORE SET IDENTIFIER = 'B2' WHERE STORE_ID = 1");
        a.setAutoCommit(false);
        editA.execute("UPDATE STORE SET STATUS = 7 WHERE STORE_ID = 2");
        editB.execute("UPDATE STORE SET IDENTIFIER = 'B3' WHERE STORE_ID = 1");
        editB.execute("UPDATE STORE SET IDENTIFIER = 'B4' WHERE STORE_ID = 1");
      }
      long firstOfB = query(session, "SELECT MIN(STGRFNBR) FROM STAGLOG WHERE STGPROCESSED = 0");

      Future<PropagationResult> run =
          executor.submit(
              () ->
                  new StagingPropagation()
                      .propagate(Reliability.request(session, TransactionMode.ONE, false)));
      PropagationResult result = run.get(30, TimeUnit.SECONDS); // must not wait for A
      assertThat(result.refused()).as("%s", result.conflicts()).isFalse();
      long maxProcessed = maxLogId(session);

      a.commit();
      a.setAutoCommit(true);
      assertThat(lowestPendingId(session))
          .as("A's change-log row lies between ids the run read and stays pending")
          .isGreaterThan(firstOfB)
          .isLessThan(maxProcessed);
      assertThat(session.pending()).isEqualTo(1);

      Reliability.propagate(session, TransactionMode.ONE);
      assertThat(session.pending()).isZero();
      Reliability.assertConverged(session, kind + ": after A's change went with the next run");
    } finally {
      executor.shutdownNow();
    }
  }

  /**
   * Random edits; on H2 edits of other tables than B's, because H2 2.x spins at full CPU (ignoring
   * LOCK_TIMEOUT) when B inserts a key that A's open transaction has inserted.
   */
  private static List<String> editsOfA(DatabaseKind kind, RandomWorkload workload, int round) {
    if (kind != DatabaseKind.H2) {
      return workload.sample(STATEMENTS);
    }
    return List.of(
        "INSERT INTO STORE (STORE_ID, IDENTIFIER) VALUES (" + (100 + round) + ", 'A')",
        "INSERT INTO CATALOG (CATALOG_ID, STORE_ID, IDENTIFIER) VALUES ("
            + (1000 + round)
            + ", "
            + (100 + round)
            + ", 'A')",
        "UPDATE CATALOG SET DESCRIPTION = 'by A in round " + round + "' WHERE CATALOG_ID = 20",
        "DELETE FROM CATALOG WHERE CATALOG_ID = " + (999 + round));
  }

  /** Editors that would wait on each other's row locks give up at once instead. */
  private static void noLockWaits(DatabaseKind kind, Connection editor) throws SQLException {
    try (Statement s = editor.createStatement()) {
      s.execute(
          switch (kind) {
            case POSTGRESQL -> "SET lock_timeout = '50ms'";
            case MARIADB -> "SET SESSION innodb_lock_wait_timeout = 0";
            case H2 -> "SET LOCK_TIMEOUT 50";
          });
    }
  }

  /** Each statement in a savepoint, so that a rejected one does not end the transaction. */
  private static int runInTransaction(Connection editor, List<String> statements)
      throws SQLException {
    int applied = 0;
    try (Statement s = editor.createStatement()) {
      for (String sql : statements) {
        Savepoint savepoint = editor.setSavepoint();
        try {
          s.execute(sql);
          applied++;
        } catch (SQLException rejected) {
          editor.rollback(savepoint);
        }
      }
    }
    return applied;
  }

  private static long maxLogId(StagingSession session) throws SQLException {
    return query(session, "SELECT COALESCE(MAX(STGRFNBR), 0) FROM STAGLOG");
  }

  private static long lowestPendingId(StagingSession session) throws SQLException {
    return query(session, "SELECT MIN(STGRFNBR) FROM STAGLOG WHERE STGPROCESSED = 0");
  }

  private static long query(StagingSession session, String sql) throws SQLException {
    try (Connection c = session.pair.staging().connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
