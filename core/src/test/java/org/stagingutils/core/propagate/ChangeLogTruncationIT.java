// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.testdb.DatabaseKind;

/**
 * A DBA truncating the change log must not make the next changes read as processed: a truncation
 * that restarts the log ids puts them inside the ranges recorded as processed. PostgreSQL forgets
 * the ranges with the rows; MariaDB and H2, which cannot run a trigger on TRUNCATE, refuse it and
 * leave the log as it was. Either way the changes captured afterwards are propagated.
 */
class ChangeLogTruncationIT {

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void changesCapturedAfterATruncationArePropagated(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.edit(
          "UPDATE CATENTRY SET PRICE = 1.00 WHERE CATENTRY_ID = 2001",
          "UPDATE CATENTRY SET PRICE = 2.00 WHERE CATENTRY_ID = 2001",
          "UPDATE CATENTRY SET PRICE = 3.00 WHERE CATENTRY_ID = 2001");
      assertThat(session.propagate(ConflictPolicy.FAIL).refused()).isFalse();
      assertThat(session.stagingCount("SELECT COUNT(*) FROM STAGLOGDONE")).isEqualTo(1);
      long processed = session.stagingCount("SELECT COUNT(*) FROM STAGLOG WHERE STGPROCESSED = 1");
      assertThat(processed).isPositive();

      if (kind == DatabaseKind.POSTGRESQL) {
        session.edit("TRUNCATE STAGLOGROWS RESTART IDENTITY");
        assertThat(session.stagingCount("SELECT COUNT(*) FROM STAGLOGDONE")).isZero();
        assertThat(session.stagingCount("SELECT COUNT(*) FROM STAGLOG")).isZero();
      } else {
        String truncate =
            kind == DatabaseKind.H2
                ? "TRUNCATE TABLE STAGLOGROWS RESTART IDENTITY"
                : "TRUNCATE TABLE STAGLOGROWS";
        assertThatThrownBy(() -> session.edit(truncate))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining(kind == DatabaseKind.H2 ? "STAGLOGROWS" : "never_truncate");
        assertThat(session.stagingCount("SELECT COUNT(*) FROM STAGLOG WHERE STGPROCESSED = 1"))
            .isEqualTo(processed);
      }

      session.edit(
          "UPDATE CATENTRY SET PRICE = 4.00 WHERE CATENTRY_ID = 2001",
          "INSERT INTO STORE (STORE_ID, IDENTIFIER) VALUES (9, 'New')");
      assertThat(session.pending()).isEqualTo(2);
      PropagationResult after = session.propagate(ConflictPolicy.FAIL);

      assertThat(after.refused()).as("%s", after.conflicts()).isFalse();
      assertThat(after.processedChanges()).isEqualTo(2);
      assertThat(session.production()).isEqualTo(session.staging());
      assertThat(session.pending()).isZero();
    }
  }
}
