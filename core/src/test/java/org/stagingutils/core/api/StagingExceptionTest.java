// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StagingExceptionTest {

  @Test
  void aFailedBatchIsReportedByItsReasonNotByTheStatementAndItsValues() {
    // what pgjdbc throws when the server goes away in the middle of a batch
    BatchUpdateException batch =
        new BatchUpdateException(
            "Batch entry 0 INSERT INTO \"catentry\" (\"name\") VALUES (('secret row value')) was"
                + " aborted: An I/O error occurred while sending to the backend.  Call"
                + " getNextException to see other errors in the batch.",
            "08006",
            0,
            new int[0],
            null);
    batch.setNextException(
        new SQLException("An I/O error occurred while sending to the backend.", "08006"));

    StagingException e =
        StagingException.database("cannot write rows of production table x", batch);

    assertThat(e.getMessage())
        .isEqualTo(
            "cannot write rows of production table x: An I/O error occurred while sending to the"
                + " backend. [SQLState 08006]")
        .doesNotContain("secret row value");
    assertThat(e.getCause()).isSameAs(batch);
  }

  @Test
  void aBatchWithoutAChainedReasonKeepsItsOwnFirstLine() {
    BatchUpdateException batch =
        new BatchUpdateException("Duplicate entry '1'\nmore", "23000", 1062, new int[0], null);

    assertThat(StagingException.database("context", batch).getMessage())
        .isEqualTo("context: Duplicate entry '1' [SQLState 23000]");
  }
}
