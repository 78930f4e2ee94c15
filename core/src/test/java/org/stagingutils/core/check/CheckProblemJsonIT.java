// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.cli.CheckSummary;
import org.stagingutils.core.propagate.StagingSession;
import org.stagingutils.core.testdb.DatabaseKind;

/**
 * Every pending-change problem kind as scripts see it: exit code 1 and a JSON problem naming the
 * check, the table and the key exactly (and both sides' values where they differ); exit 0 when
 * clean. Production and staging are left as they were.
 */
class CheckProblemJsonIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PRODUCT_3001 =
      "INSERT INTO CATENTRY (CATENTRY_ID, PARTNUMBER, NAME, LAST_UPDATE, GUID) VALUES"
          + " (3001, '%s', '%s', TIMESTAMP '2024-05-01 10:00:00',"
          + " '11111111-2222-4333-8444-555555555555')";

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void cleanPendingChangesExitZero(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.edit("UPDATE CATENTRY SET NAME = 'clean edit' WHERE CATENTRY_ID = 2001");

      JsonNode json = json(session);

      assertThat(json.get("status").asText()).isEqualTo("ok");
      assertThat(json.get("exitCode").asInt()).isZero();
      assertThat(json.get("problems")).isEmpty();
      assertThat(json.get("pendingChanges").asLong()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void uniqueValueHeldByAnotherProductionRow(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.edit(String.format(PRODUCT_3001, "P-NEW", "Staging product"));
      session.editProduction(
          "INSERT INTO CATENTRY (CATENTRY_ID, PARTNUMBER, NAME, LAST_UPDATE, GUID) VALUES"
              + " (4001, 'P-NEW', 'Production product', TIMESTAMP '2024-05-01 10:00:00',"
              + " '11111111-2222-4333-8444-666666666666')");
      var before = session.production();

      JsonNode problem = single(session, "unique", "CATENTRY", key(kind, "CATENTRY_ID", 3001));

      assertThat(problem.get("index").asText()).isNotEmpty();
      assertThat(problem.get("column").asText()).isEqualTo(name(kind, "PARTNUMBER"));
      assertThat(problem.get("staging").asText()).isEqualTo("P-NEW");
      assertThat(problem.get("production").asText()).isEqualTo("P-NEW");
      assertThat(problem.get("message").asText()).contains("4001");
      assertThat(session.production()).isEqualTo(before);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void valuesFreedOrSwappedByOtherPendingChangesAreNoProblem(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.edit(
          "UPDATE CATENTRY SET PARTNUMBER = 'AUR-DRS-001-OLD' WHERE CATENTRY_ID = 1001",
          String.format(PRODUCT_3001, "AUR-DRS-001", "Takes the old part number"),
          "UPDATE CATENTRY SET PARTNUMBER = 'SWAP' WHERE CATENTRY_ID = 1002",
          "UPDATE CATENTRY SET PARTNUMBER = 'AUR-DRS-002' WHERE CATENTRY_ID = 2001",
          "UPDATE CATENTRY SET PARTNUMBER = 'OUT-JKT-001' WHERE CATENTRY_ID = 1002");

      JsonNode json = json(session);

      assertThat(json.get("problems")).as(json.toString()).isEmpty();
      assertThat(json.get("exitCode").asInt()).isZero();
    }
  }

  /** A pending row takes the value of another pending row whose own change cannot go through. */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void uniqueCollisionAmongPendingRowsWhenTheFreeingChangeDrifted(DatabaseKind kind)
      throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.edit(
          "UPDATE CATENTRY SET PARTNUMBER = 'AUR-DRS-001-OLD' WHERE CATENTRY_ID = 1001",
          String.format(PRODUCT_3001, "AUR-DRS-001", "Takes the old part number"));
      session.editProduction("UPDATE CATENTRY SET WEIGHT = 0.4 WHERE CATENTRY_ID = 1001");

      JsonNode unique = single(session, "unique", "CATENTRY", key(kind, "CATENTRY_ID", 3001));
      JsonNode drift = single(session, "drift", "CATENTRY", key(kind, "CATENTRY_ID", 1001));

      assertThat(unique.get("staging").asText()).isEqualTo("AUR-DRS-001");
      assertThat(unique.get("message").asText()).contains("1001");
      assertThat(drift.get("column").asText()).isEqualTo(name(kind, "WEIGHT"));
      assertThat(drift.get("staging").decimalValue()).isEqualByComparingTo("0.35");
      assertThat(drift.get("production").decimalValue()).isEqualByComparingTo("0.4");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void driftOfAnEditedRowGivesEachChangedColumnWithBothSides(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.edit("UPDATE CATENTRY SET PRICE = 10.00 WHERE CATENTRY_ID = 1001");
      session.editProduction(
          "UPDATE CATENTRY SET NAME = 'edited in production', FIELD1 = NULL"
              + " WHERE CATENTRY_ID = 1001");

      List<JsonNode> problems = all(session, "drift", "CATENTRY", key(kind, "CATENTRY_ID", 1001));

      assertThat(problems)
          .extracting(p -> p.get("column").asText())
          .containsExactly(name(kind, "NAME"), name(kind, "FIELD1"));
      assertThat(problems.get(0).get("staging").asText()).isEqualTo("Summer dress");
      assertThat(problems.get(0).get("production").asText()).isEqualTo("edited in production");
      assertThat(problems.get(1).get("staging").asText()).isEqualTo("summer");
      assertThat(problems.get(1).has("production")).isTrue();
      assertThat(problems.get(1).get("production").isNull()).isTrue();
      assertThat(problems.get(0).get("message").asText())
          .startsWith("production changed " + name(kind, "NAME") + " since");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void driftOfARowThatAppearedInProduction(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.edit(String.format(PRODUCT_3001, "P-NEW", "Staging product"));
      session.editProduction(String.format(PRODUCT_3001, "P-NEW", "Production product"));

      JsonNode problem = single(session, "drift", "CATENTRY", key(kind, "CATENTRY_ID", 3001));

      assertThat(problem.get("column").asText()).isEqualTo(name(kind, "NAME"));
      assertThat(problem.get("staging").asText()).isEqualTo("Staging product");
      assertThat(problem.get("production").asText()).isEqualTo("Production product");
      assertThat(problem.get("message").asText()).contains("already has a row with this key");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void driftOfARowThatDisappearedFromProduction(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.edit("UPDATE CATENTRY SET PRICE = 99.00 WHERE CATENTRY_ID = 1002");
      session.editProduction("DELETE FROM CATENTRY WHERE CATENTRY_ID = 1002");

      JsonNode problem = single(session, "drift", "CATENTRY", key(kind, "CATENTRY_ID", 1002));

      assertThat(problem.get("message").asText()).contains("deleted from production");
      assertThat(problem.has("column")).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void referenceToAParentProductionLacks(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.edit(
          "INSERT INTO LISTPRICE (CATENTRY_ID, CURRENCY, START_DATE, PRICE) VALUES"
              + " (1002, 'GBP', DATE '2024-06-01', 99)");
      session.editProduction("DELETE FROM CATENTRY WHERE CATENTRY_ID = 1002");

      JsonNode problem =
          single(
              session,
              "references",
              "LISTPRICE",
              "{\""
                  + name(kind, "CATENTRY_ID")
                  + "\":1002,\""
                  + name(kind, "CURRENCY")
                  + "\":\"GBP\",\""
                  + name(kind, "START_DATE")
                  + "\":\"2024-06-01\"}");

      assertThat(problem.get("message").asText()).contains("production lacks");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void deleteOfARowAnOperationalTableStillReferencesInProduction(DatabaseKind kind)
      throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      // ORDERITEMS is not staged: staging's own order line goes first, as a store's would.
      session.edit(
          "DELETE FROM ORDERITEMS WHERE ORDERITEMS_ID = 50002",
          "DELETE FROM CATENTRY WHERE CATENTRY_ID = 2001");

      JsonNode problem = single(session, "references", "CATENTRY", key(kind, "CATENTRY_ID", 2001));

      assertThat(problem.get("message").asText())
          .contains("1 row(s) of " + name(kind, "ORDERITEMS"), "still reference it");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aChangeSetListsItsRowsAndThePrerequisitesItNeeds(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.editIn("brand", String.format(PRODUCT_3001, "BRAND-1", "Brand product"));
      session.editIn(
          "sale",
          "INSERT INTO LISTPRICE (CATENTRY_ID, CURRENCY, START_DATE, PRICE) VALUES"
              + " (3001, 'USD', DATE '2024-06-01', 19.99)",
          "UPDATE CATENTRY SET PRICE = 39.00 WHERE CATENTRY_ID = 1001");
      session.edit("UPDATE STORE SET IDENTIFIER = 'Untagged' WHERE STORE_ID = 2");

      CheckReport report = check(session, List.of("sale"));
      JsonNode json = JSON.readTree(CheckSummary.of(report).json().toString());

      assertThat(json.get("changeSetRows"))
          .extracting(
              r -> r.get("action").asText() + " " + r.get("table").asText() + " " + r.get("key"))
          .containsExactly(
              "update " + name(kind, "CATENTRY") + " " + key(kind, "CATENTRY_ID", 1001),
              "insert "
                  + name(kind, "LISTPRICE")
                  + " {\""
                  + name(kind, "CATENTRY_ID")
                  + "\":3001,\""
                  + name(kind, "CURRENCY")
                  + "\":\"USD\",\""
                  + name(kind, "START_DATE")
                  + "\":\"2024-06-01\"}");
      assertThat(json.get("prerequisites"))
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.get("table").asText()).isEqualTo(name(kind, "CATENTRY"));
                assertThat(p.get("key").toString()).isEqualTo(key(kind, "CATENTRY_ID", 3001));
                assertThat(p.get("changeSet").asText()).isEqualTo("brand");
              });
      assertThat(json.get("changeSets"))
          .extracting(c -> c.get("changeSet").asText() + "=" + c.get("pendingChanges").asLong())
          .containsExactly("sale=2");
      assertThat(json(session).get("changeSets"))
          .extracting(c -> c.get("changeSet").asText() + "=" + c.get("pendingChanges").asLong())
          .containsExactly("null=1", "brand=1", "sale=2");
      assertThat(CheckSummary.of(report).text())
          .contains("change set sale: 2 pending rows")
          .contains("prerequisites pending outside it: 1");
      assertThat(json.get("exitCode").asInt()).isEqualTo(1); // the missing prerequisite
    }
  }

  // --- helpers

  private static String name(DatabaseKind kind, String unquoted) {
    return kind == DatabaseKind.POSTGRESQL ? unquoted.toLowerCase(Locale.ROOT) : unquoted;
  }

  private static String key(DatabaseKind kind, String column, long value) {
    return "{\"" + name(kind, column) + "\":" + value + "}";
  }

  private static CheckReport check(StagingSession session, List<String> changeSets) {
    return new StagingCheck()
        .check(new CheckRequest(session.config(), session.tables, Set.of(), changeSets));
  }

  private static JsonNode json(StagingSession session) throws Exception {
    CheckSummary summary = CheckSummary.of(check(session, List.of()));
    JsonNode json = JSON.readTree(summary.json().toString());
    assertThat(json.get("exitCode").asInt()).isEqualTo(summary.exitCode());
    return json;
  }

  /** Every problem of {@code check}, asserting that they all name {@code table} and {@code key}. */
  private static List<JsonNode> all(StagingSession session, String check, String table, String key)
      throws Exception {
    JsonNode json = json(session);
    assertThat(json.get("status").asText()).isEqualTo("problems");
    assertThat(json.get("exitCode").asInt()).isEqualTo(1);
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode problem : json.get("problems")) {
      if (problem.get("check").asText().equals(check)) {
        found.add(problem);
      }
    }
    assertThat(found).as("%s problems in %s", check, json).isNotEmpty();
    for (JsonNode problem : found) {
      assertThat(problem.get("table").asText()).isEqualTo(name(session.kind, table));
      assertThat(problem.get("key").toString()).isEqualTo(key);
    }
    return found;
  }

  private static JsonNode single(StagingSession session, String check, String table, String key)
      throws Exception {
    List<JsonNode> found = all(session, check, table, key);
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
