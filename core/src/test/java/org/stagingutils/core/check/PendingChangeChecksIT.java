// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.propagate.StagingSession;
import org.stagingutils.core.testdb.DatabaseKind;

class PendingChangeChecksIT {

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void reportsDriftUniqueAndReferenceProblemsAndNothingWhenClean(DatabaseKind kind)
      throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.edit("UPDATE CATENTRY SET NAME = 'clean edit' WHERE CATENTRY_ID = 2001");
      CheckReport clean = check(session);
      assertThat(clean.problems()).isEmpty();
      assertThat(clean.pendingChanges()).isEqualTo(1);

      session.edit(
          "UPDATE CATENTRY SET PRICE = 10.00 WHERE CATENTRY_ID = 1001",
          "INSERT INTO CATENTRY (CATENTRY_ID, PARTNUMBER, NAME, LAST_UPDATE, GUID) VALUES"
              + " (3001, 'P-NEW', 'Staging product', TIMESTAMP '2024-05-01 10:00:00',"
              + " '11111111-2222-4333-8444-555555555555')",
          "INSERT INTO LISTPRICE (CATENTRY_ID, CURRENCY, START_DATE, PRICE) VALUES"
              + " (1002, 'GBP', DATE '2024-06-01', 99)");
      session.editProduction(
          "UPDATE CATENTRY SET NAME = 'edited in production' WHERE CATENTRY_ID = 1001",
          "INSERT INTO CATENTRY (CATENTRY_ID, PARTNUMBER, NAME, LAST_UPDATE, GUID) VALUES"
              + " (4001, 'P-NEW', 'Production product', TIMESTAMP '2024-05-01 10:00:00',"
              + " '11111111-2222-4333-8444-666666666666')",
          "DELETE FROM CATENTRY WHERE CATENTRY_ID = 1002");
      List<String> before =
          session.production().get(kind == DatabaseKind.POSTGRESQL ? "catentry" : "CATENTRY");

      CheckReport report = check(session);

      assertThat(report.problems())
          .extracting(p -> p.check() + " " + p.table().toUpperCase() + " " + p.key().values())
          .containsExactlyInAnyOrder(
              "DRIFT CATENTRY [1001]",
              "UNIQUE CATENTRY [3001]",
              "REFERENCES LISTPRICE [1002, GBP, 2024-06-01]");
      assertThat(report.problems()).allMatch(p -> p.message().contains(": "));
      assertThat(
              session.production().get(kind == DatabaseKind.POSTGRESQL ? "catentry" : "CATENTRY"))
          .isEqualTo(before);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void listsPendingChangesPerChangeSet(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.editIn(
          "spring-sale",
          "UPDATE CATENTRY SET PRICE = 9.99 WHERE CATENTRY_ID = 1001",
          "UPDATE CATENTRY SET PRICE = 19.99 WHERE CATENTRY_ID = 1002");
      session.editIn("new-brand", "UPDATE STORE SET IDENTIFIER = 'Brand' WHERE STORE_ID = 2");
      session.edit("UPDATE STORE SET IDENTIFIER = 'Plain' WHERE STORE_ID = 1");

      CheckReport report = check(session);

      assertThat(report.changeSets())
          .extracting(c -> c.changeSet() + "=" + c.pendingChanges())
          .containsExactlyInAnyOrder("spring-sale=2", "new-brand=1", "null=1");
      assertThat(report.pendingChanges()).isEqualTo(4);
      var summary = org.stagingutils.core.cli.CheckSummary.of(report);
      assertThat(summary.text()).contains("pending by change set: ").contains("spring-sale 2");
      assertThat(summary.json().get("changeSets")).hasSize(3);
    }
  }

  /** The text layout of pending-change problems and of a change set's listing, on H2. */
  @org.junit.jupiter.api.Test
  void textReportOfPendingChangesMatchesTheGoldenFile() throws Exception {
    try (StagingSession session = new StagingSession(DatabaseKind.H2)) {
      session.editIn(
          "brand",
          "INSERT INTO CATENTRY (CATENTRY_ID, PARTNUMBER, NAME, LAST_UPDATE, GUID) VALUES"
              + " (3001, 'BRAND-1', 'Brand product', TIMESTAMP '2024-05-01 10:00:00',"
              + " '11111111-2222-4333-8444-555555555551')",
          "INSERT INTO CATENTRY (CATENTRY_ID, PARTNUMBER, NAME, LAST_UPDATE, GUID) VALUES"
              + " (3002, 'P-NEW', 'Staging product', TIMESTAMP '2024-05-01 10:00:00',"
              + " '11111111-2222-4333-8444-555555555552')");
      session.editIn(
          "sale",
          "UPDATE CATENTRY SET PRICE = 10.00 WHERE CATENTRY_ID = 1001",
          "INSERT INTO LISTPRICE (CATENTRY_ID, CURRENCY, START_DATE, PRICE) VALUES"
              + " (3001, 'USD', DATE '2024-06-01', 19.99)",
          "INSERT INTO LISTPRICE (CATENTRY_ID, CURRENCY, START_DATE, PRICE) VALUES"
              + " (1002, 'GBP', DATE '2024-06-01', 99)");
      session.edit(
          "DELETE FROM ORDERITEMS WHERE ORDERITEMS_ID = 50002",
          "DELETE FROM CATENTRY WHERE CATENTRY_ID = 2001");
      session.editProduction(
          "UPDATE CATENTRY SET NAME = 'edited in production', FIELD1 = NULL"
              + " WHERE CATENTRY_ID = 1001",
          "INSERT INTO CATENTRY (CATENTRY_ID, PARTNUMBER, NAME, LAST_UPDATE, GUID) VALUES"
              + " (4001, 'P-NEW', 'Production product', TIMESTAMP '2024-05-01 10:00:00',"
              + " '11111111-2222-4333-8444-666666666666')",
          "DELETE FROM CATENTRY WHERE CATENTRY_ID = 1002");

      String all = org.stagingutils.core.cli.CheckSummary.of(check(session, List.of())).text();
      String sale =
          org.stagingutils.core.cli.CheckSummary.of(check(session, List.of("sale"))).text();

      assertThat(all + "\n" + sale).isEqualTo(StagingCheckIT.golden("stagingcheck-pending-h2.txt"));
    }
  }

  private static CheckReport check(StagingSession session, List<String> changeSets) {
    return new StagingCheck()
        .check(new CheckRequest(session.config(), session.tables, Set.of(), changeSets));
  }

  private static CheckReport check(StagingSession session) {
    return new StagingCheck()
        .check(
            new CheckRequest(
                session.config(),
                session.tables,
                Set.of(CheckKind.UNIQUE, CheckKind.DRIFT, CheckKind.REFERENCES),
                List.of()));
  }
}
