// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.api.ErrorCategory;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.propagate.StagingPropagation;
import org.stagingutils.core.propagate.StagingSession;
import org.stagingutils.core.propagate.TransactionMode;
import org.stagingutils.core.testdb.CatalogSchema;
import org.stagingutils.core.testdb.DatabaseKind;

/**
 * Production rejects one staged row halfway through a run (a CHECK constraint staging does not
 * have), after parent tables were already written: the run fails naming the table; with one
 * transaction production keeps nothing, with one per table it keeps the tables before; either way,
 * once the constraint is gone the next run converges.
 */
class FailingStatementIT {
  private static final long FIRST = 100_000;
  private static final int PRODUCTS = 300;

  @ParameterizedTest(name = "{0}")
  @EnumSource(DatabaseKind.class)
  @Timeout(60)
  void aRowProductionRejectsFailsTheRunWhichConvergesOnceItIsAccepted(DatabaseKind kind)
      throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      Reliability.propagate(session, TransactionMode.ONE); // production control tables
      new BulkEdits(session.pair.staging()).insert(FIRST, PRODUCTS);
      long poisoned = FIRST + PRODUCTS / 2;
      session.edit(
          "UPDATE STORE SET STATUS = 7 WHERE STORE_ID = 1",
          "UPDATE LISTPRICE SET PRICE = 666 WHERE CATENTRY_ID = " + poisoned);
      session.editProduction("ALTER TABLE LISTPRICE ADD CONSTRAINT NO_666 CHECK (PRICE <> 666)");
      Map<String, List<String>> before = session.production();
      long pending = session.pending();
      String listprice = CatalogSchema.storedName(kind, "LISTPRICE");

      StagingException one = fail(session, TransactionMode.ONE);
      assertThat(one.category()).isEqualTo(ErrorCategory.DATABASE);
      assertThat(one.getMessage()).contains(listprice);
      assertThat(session.production()).as("one transaction: nothing kept").isEqualTo(before);
      assertThat(session.pending()).isEqualTo(pending);

      StagingException table = fail(session, TransactionMode.TABLE);
      assertThat(table.category()).isEqualTo(ErrorCategory.DATABASE);
      assertThat(table.getMessage()).contains(listprice);
      Map<String, List<String>> partly = session.production();
      String catentry = CatalogSchema.storedName(kind, "CATENTRY");
      assertThat(partly.get(catentry))
          .as("one transaction per table: the parents before %s are kept", listprice)
          .isEqualTo(session.staging().get(catentry));
      assertThat(partly.get(listprice)).isEqualTo(before.get(listprice));
      assertThat(session.pending()).isEqualTo(pending);

      session.editProduction("ALTER TABLE LISTPRICE DROP CONSTRAINT NO_666");
      Reliability.propagate(session, TransactionMode.ONE);
      Reliability.assertConverged(session, kind + " after dropping the constraint");
    }
  }

  private static StagingException fail(StagingSession session, TransactionMode mode) {
    StagingException e =
        catchThrowableOfType(
            () -> new StagingPropagation().propagate(Reliability.request(session, mode, false)),
            StagingException.class);
    assertThat(e).as("%s run must fail", mode).isNotNull();
    assertThat(e.getMessage().toLowerCase(Locale.ROOT)).doesNotContain("password");
    return e;
  }
}
