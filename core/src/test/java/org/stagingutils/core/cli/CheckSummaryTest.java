// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stagingutils.core.check.CheckKind;
import org.stagingutils.core.check.CheckReport;
import org.stagingutils.core.check.Problem;

class CheckSummaryTest {
  private static final Problem COLLISION =
      new Problem(
          CheckKind.UNIQUE,
          "CATENTRY",
          key("CATENTRY_ID", 1001L),
          "PARTNUMBER 'SKU-1' is taken in production by CATENTRY_ID 2002: rename one of them",
          Optional.of("CATENTRY_PARTNUMBER_UQ"),
          Optional.of("PARTNUMBER"),
          Optional.of("SKU-1"),
          Optional.of("SKU-1"));
  private static final Problem DRIFT =
      new Problem(
          CheckKind.DRIFT,
          "LISTPRICE",
          key(
              "CATENTRY_ID",
              1001L,
              "CURRENCY",
              "USD",
              "START_DATE",
              java.sql.Date.valueOf("2024-06-01")),
          "production changed PRICE since the session started: stagingprop would overwrite it",
          Optional.empty(),
          Optional.of("PRICE"),
          Optional.of(new BigDecimal("10.50000")),
          Optional.of(new BigDecimal("1E+1")));
  private static final Problem TYPE =
      new Problem(
          CheckKind.SCHEMA,
          "CATENTRY",
          Map.of(),
          "CATENTRY.FIELD1 is VARCHAR(254) in staging but VARCHAR(100) in production",
          Optional.empty(),
          Optional.of("FIELD1"),
          Optional.of("VARCHAR(254)"),
          Optional.of("VARCHAR(100)"));
  private static final Problem MISSING_COLUMN =
      new Problem(
          CheckKind.SCHEMA,
          "CATENTRY",
          Map.of(),
          "CATENTRY.WEIGHT exists in staging but not in production",
          Optional.empty(),
          Optional.of("WEIGHT"),
          Optional.of("DOUBLE PRECISION"),
          Optional.empty());
  private static final Problem NO_KEY =
      Problem.of(CheckKind.CONFIG, "NOKEY", Map.of(), "table NOKEY has no key: add one");
  private static final Problem SEEN =
      new Problem(
          CheckKind.DRIFT,
          "LISTPRICE",
          key("CATENTRY_ID", 1002L, "CURRENCY", "EUR", "START_DATE", null),
          "production deleted the row since the session started",
          Optional.empty(),
          Optional.empty(),
          Optional.of(Timestamp.valueOf("2024-06-01 10:15:30")),
          Optional.empty());

  private static Map<String, Object> key(Object... columnsAndValues) {
    Map<String, Object> key = new LinkedHashMap<>();
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      key.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
    }
    return key;
  }

  private static final CheckReport REPORT =
      new CheckReport(
          Set.of(CheckKind.values()),
          List.of(COLLISION, DRIFT, SEEN, TYPE, MISSING_COLUMN, NO_KEY),
          12);

  @Test
  void textIsGroupedByCheckAndTableAndEndsWithTheCounts() throws IOException {
    assertThat(CheckSummary.of(REPORT).text()).isEqualTo(golden("check-summary.txt"));
  }

  @Test
  void cleanReportIsOneLine() {
    CheckSummary summary =
        CheckSummary.of(new CheckReport(Set.of(CheckKind.CONFIG, CheckKind.SCHEMA), List.of(), 1));

    assertThat(summary.exitCode()).isZero();
    assertThat(summary.text())
        .isEqualTo("no problems; 1 pending change; checks run: schema, config\n");
  }

  @Test
  void jsonHasEveryProblemWithKeysAsObjectsAndOmitsAbsentFields() throws IOException {
    CheckSummary summary =
        CheckSummary.of(
            new CheckReport(
                Set.of(CheckKind.UNIQUE, CheckKind.DRIFT, CheckKind.CONFIG),
                List.of(COLLISION, DRIFT, SEEN, NO_KEY),
                3));

    assertThat(summary.exitCode()).isEqualTo(1);
    assertThat(SummaryJsonTest.parsed(summary))
        .isEqualTo(
            SummaryJsonTest.JSON.readTree(
                """
                {"status": "problems", "exitCode": 1,
                 "message": "4 problems (unique: 1, drift: 2, config: 1) in 3 tables: fix them before running stagingprop",
                 "checks": ["unique", "drift", "config"],
                 "problems": [
                  {"check": "unique", "table": "CATENTRY", "key": {"CATENTRY_ID": 1001},
                   "message": "PARTNUMBER 'SKU-1' is taken in production by CATENTRY_ID 2002: rename one of them",
                   "index": "CATENTRY_PARTNUMBER_UQ", "column": "PARTNUMBER",
                   "staging": "SKU-1", "production": "SKU-1"},
                  {"check": "drift", "table": "LISTPRICE",
                   "key": {"CATENTRY_ID": 1001, "CURRENCY": "USD", "START_DATE": "2024-06-01"},
                   "message": "production changed PRICE since the session started: stagingprop would overwrite it",
                   "column": "PRICE", "staging": 10.50000, "production": 10},
                  {"check": "drift", "table": "LISTPRICE",
                   "key": {"CATENTRY_ID": 1002, "CURRENCY": "EUR", "START_DATE": null},
                   "message": "production deleted the row since the session started",
                   "staging": "2024-06-01T10:15:30"},
                  {"check": "config", "table": "NOKEY", "key": {}, "message": "table NOKEY has no key: add one"}
                 ],
                 "pendingChanges": 3, "changeSets": []}
                """));
  }

  @Test
  void jsonOfACleanReportIsOk() {
    CheckSummary summary = CheckSummary.of(new CheckReport(Set.of(CheckKind.SCHEMA), List.of(), 0));

    assertThat(SummaryJson.write(summary.json()))
        .isEqualTo(
            "{\"status\":\"ok\",\"exitCode\":0,\"checks\":[\"schema\"],\"problems\":[],"
                + "\"pendingChanges\":0,\"changeSets\":[]}");
  }

  static String golden(String name) throws IOException {
    try (InputStream in = CheckSummaryTest.class.getResourceAsStream(name)) {
      assertThat(in).as("golden file %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
  }
}
