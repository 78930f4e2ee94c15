// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.api.ErrorCategory;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.propagate.ConflictPolicy;
import org.stagingutils.core.propagate.PropagationRequest;
import org.stagingutils.core.propagate.PropagationResult;
import org.stagingutils.core.propagate.StagingPropagation;
import org.stagingutils.core.propagate.StagingSession;
import org.stagingutils.core.propagate.TransactionMode;
import org.stagingutils.core.testdb.CatalogSchema;
import org.stagingutils.core.testdb.DatabaseKind;

/**
 * A production row that stagingprop must write is locked by another transaction (a store
 * application's, a DBA's forgotten session): a lock released soon is waited for; one held longer
 * than {@code --lock-timeout} fails the run (exit 3) naming the table, after the tables before it
 * were written in the same transaction, so production keeps nothing; once the lock is gone the next
 * run converges.
 */
class ProductionLockIT {
  private static final long LOCKED_PRODUCT = 1001;

  @ParameterizedTest(name = "{0}")
  @EnumSource(DatabaseKind.class)
  @Timeout(90)
  void aLockHeldLongerThanTheTimeoutFailsTheRunWithNothingWritten(DatabaseKind kind)
      throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      Reliability.propagate(session, TransactionMode.ONE); // production control tables
      edit(session);
      Map<String, List<String>> before = session.production();
      long pending = session.pending();
      String listprice = CatalogSchema.storedName(kind, "LISTPRICE");

      try (Connection holder = lockListPrice(session)) {
        long started = System.nanoTime();
        StagingException e =
            catchThrowableOfType(
                () -> new StagingPropagation().propagate(request(session, Duration.ofSeconds(2))),
                StagingException.class);
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(e).as("the run must fail").isNotNull();
        assertThat(e.category()).isEqualTo(ErrorCategory.DATABASE);
        assertThat(e.getMessage())
            .contains("production table", listprice, "--lock-timeout", "nothing was written")
            .doesNotContain("\n");
        assertThat(waited).as("bounded wait").isLessThan(Duration.ofSeconds(30));
        holder.rollback();
      }
      assertThat(session.production()).as("nothing kept").isEqualTo(before);
      assertThat(session.pending()).isEqualTo(pending);

      Reliability.propagate(session, TransactionMode.ONE);
      Reliability.assertConverged(session, kind + " after the lock was released");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(DatabaseKind.class)
  @Timeout(90)
  void aLockReleasedWithinTheTimeoutIsWaitedFor(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      Reliability.propagate(session, TransactionMode.ONE);
      edit(session);
      Connection holder = lockListPrice(session);
      Thread release =
          new Thread(
              () -> {
                try (holder) {
                  Thread.sleep(1_500);
                  holder.rollback();
                } catch (SQLException | InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });
      release.start();
      PropagationResult result =
          new StagingPropagation().propagate(request(session, Duration.ofSeconds(30)));
      release.join();
      assertThat(result.refused()).as(result.message()).isFalse();
      Reliability.assertConverged(session, kind + " after waiting for the lock");
    }
  }

  /** Parents first (STORE, CATENTRY), then the locked child row, in one run. */
  private static void edit(StagingSession session) throws SQLException {
    session.edit(
        "UPDATE STORE SET STATUS = 5 WHERE STORE_ID = 1",
        "UPDATE CATENTRY SET NAME = 'renamed' WHERE CATENTRY_ID = " + LOCKED_PRODUCT,
        "UPDATE LISTPRICE SET PRICE = 12.5 WHERE CATENTRY_ID = " + LOCKED_PRODUCT);
  }

  /** An open production transaction holding the row locks, changing nothing (so no drift). */
  private static Connection lockListPrice(StagingSession session) throws SQLException {
    Connection holder = session.pair.production().connection();
    holder.setAutoCommit(false);
    try (Statement s = holder.createStatement()) {
      s.executeQuery(
              "SELECT * FROM LISTPRICE WHERE CATENTRY_ID = " + LOCKED_PRODUCT + " FOR UPDATE")
          .close();
    }
    return holder;
  }

  private static PropagationRequest request(StagingSession session, Duration lockTimeout) {
    return new PropagationRequest(
        session.config(),
        session.tables,
        ConflictPolicy.FAIL,
        TransactionMode.ONE,
        Reliability.BATCH_SIZE,
        false,
        Optional.empty(),
        Optional.empty(),
        PropagationRequest.DEFAULT_RETAIN_DAYS,
        List.of(),
        false,
        lockTimeout);
  }
}
