// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.stagingutils.core.propagate.StagingSession;
import org.stagingutils.core.testdb.DatabaseKind;
import org.stagingutils.core.testdb.TestDatabase;

/**
 * Tells when a run has begun to write production, seen from the server: PostgreSQL shows a backend
 * with a transaction id; on MariaDB (whose lock views lag) a dirty read sees the products the run
 * inserts.
 */
final class ProductionWrites {
  private ProductionWrites() {}

  /**
   * Waits until production is being written.
   *
   * @param insertedFrom the lowest product id the run inserts
   * @param running false once the run has ended, which fails the wait
   */
  static void await(
      StagingSession session, long insertedFrom, BooleanSupplier running, Duration limit)
      throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    TestDatabase production = session.pair.production();
    try (Connection dirty = production.connection();
        Statement s = dirty.createStatement()) {
      dirty.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
      while (!started(production, s, insertedFrom)) {
        assertThat(running.getAsBoolean()).as("the run ended before writing production").isTrue();
        assertThat(System.nanoTime()).as("the run never wrote production").isLessThan(deadline);
        Thread.sleep(2);
      }
    }
  }

  private static boolean started(TestDatabase production, Statement dirty, long insertedFrom)
      throws Exception {
    if (production.kind() == DatabaseKind.POSTGRESQL) {
      return !ServerSessions.of(production, ServerSessions.Filter.WRITING).isEmpty();
    }
    try (ResultSet rs =
        dirty.executeQuery("SELECT COUNT(*) FROM CATENTRY WHERE CATENTRY_ID >= " + insertedFrom)) {
      rs.next();
      return rs.getLong(1) > 0;
    }
  }
}
