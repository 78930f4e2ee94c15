// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stagingutils.core.propagate.Conflict;
import org.stagingutils.core.propagate.ConflictKind;
import org.stagingutils.core.propagate.MissingPrerequisite;
import org.stagingutils.core.propagate.PlannedRow;
import org.stagingutils.core.propagate.PlannedTable;
import org.stagingutils.core.propagate.PropagationResult;
import org.stagingutils.core.propagate.TableCounts;

class PropagationSummaryTest {
  private static final List<TableCounts> TABLES =
      List.of(new TableCounts("CATENTRY", 3, 2, 0), new TableCounts("LISTPRICE", 1, 0, 4));

  private static Map<String, Object> key(String column, Object value) {
    Map<String, Object> key = new LinkedHashMap<>();
    key.put(column, value);
    return key;
  }

  @Test
  void successfulRunGivesTotalsPerTable() throws IOException {
    PropagationResult result =
        new PropagationResult(
            42, false, false, null, TABLES, List.of(), List.of(), 15, 0, Duration.ofMillis(1234));
    PropagationSummary summary = PropagationSummary.of(result);

    assertThat(summary.exitCode()).isZero();
    assertThat(summary.text())
        .isEqualTo(
            """
            run 42: 4 inserted, 2 updated, 4 deleted (15 changes processed, 0 skipped) in 1.2 s
              CATENTRY   3 inserted, 2 updated, 0 deleted
              LISTPRICE  1 inserted, 0 updated, 4 deleted
            """);
    assertThat(SummaryJsonTest.parsed(summary))
        .isEqualTo(
            SummaryJsonTest.JSON.readTree(
                """
                {"status": "ok", "exitCode": 0, "runId": 42,
                 "inserted": 4, "updated": 2, "deleted": 4,
                 "tables": [
                   {"table": "CATENTRY", "inserted": 3, "updated": 2, "deleted": 0},
                   {"table": "LISTPRICE", "inserted": 1, "updated": 0, "deleted": 4}],
                 "conflicts": [], "missingPrerequisites": [],
                 "processedChanges": 15, "skippedChanges": 0, "dryRun": false}
                """));
  }

  @Test
  void refusalListsConflictsAndMissingPrerequisitesAndExits1() throws IOException {
    PropagationResult result =
        new PropagationResult(
            0,
            false,
            true,
            "2 conflicts and 2 missing prerequisites: nothing was propagated",
            List.of(),
            List.of(
                new Conflict(
                    "CATENTRY",
                    key("CATENTRY_ID", 1001L),
                    ConflictKind.DRIFT,
                    "edited in production"),
                new Conflict(
                    "CATENTRY",
                    key("CATENTRY_ID", 1002L),
                    ConflictKind.UNIQUE,
                    "PARTNUMBER taken")),
            List.of(
                new MissingPrerequisite("CATGROUP", key("CATGROUP_ID", 7), "spring-sale"),
                new MissingPrerequisite("STORE", key("STORE_ID", 1), null)),
            0,
            0,
            Duration.ZERO);
    PropagationSummary summary = PropagationSummary.of(result);

    assertThat(summary.exitCode()).isEqualTo(1);
    assertThat(summary.text())
        .isEqualTo(
            """
            refused, nothing changed: 2 conflicts and 2 missing prerequisites: nothing was propagated
            2 conflicts:
              CATENTRY CATENTRY_ID=1001: drift: edited in production
              CATENTRY CATENTRY_ID=1002: unique: PARTNUMBER taken
            2 missing prerequisites (add --with-prerequisites or their change sets):
              CATGROUP CATGROUP_ID=7, in change set spring-sale
              STORE STORE_ID=1, edited without a change set
            """);
    assertThat(SummaryJsonTest.parsed(summary))
        .isEqualTo(
            SummaryJsonTest.JSON.readTree(
                """
                {"status": "refused", "exitCode": 1,
                 "message": "2 conflicts and 2 missing prerequisites: nothing was propagated",
                 "runId": 0, "inserted": 0, "updated": 0, "deleted": 0, "tables": [],
                 "conflicts": [
                   {"table": "CATENTRY", "key": {"CATENTRY_ID": 1001}, "kind": "drift",
                    "message": "edited in production"},
                   {"table": "CATENTRY", "key": {"CATENTRY_ID": 1002}, "kind": "unique",
                    "message": "PARTNUMBER taken"}],
                 "missingPrerequisites": [
                   {"table": "CATGROUP", "key": {"CATGROUP_ID": 7}, "changeSet": "spring-sale"},
                   {"table": "STORE", "key": {"STORE_ID": 1}, "changeSet": null}],
                 "processedChanges": 0, "skippedChanges": 0, "dryRun": false}
                """));
  }

  @Test
  void dryRunSaysWhatItWouldDo() {
    PropagationResult result =
        new PropagationResult(
            0, true, false, null, TABLES, List.of(), List.of(), 15, 0, Duration.ofSeconds(2));
    PropagationSummary summary = PropagationSummary.of(result);

    assertThat(summary.exitCode()).isZero();
    assertThat(summary.text())
        .startsWith(
            "dry run, nothing changed: would apply 4 inserted, 2 updated, 4 deleted (15 changes)\n");
    assertThat(summary.json().get("dryRun").asBoolean()).isTrue();
    assertThat(summary.json().get("status").asText()).isEqualTo("ok");
  }

  @Test
  void dryRunPlanNamesEachRowsChangeSetOnceAnyRowHasOne() throws IOException {
    List<PlannedTable> plan =
        List.of(
            new PlannedTable(
                "CATENTRY",
                List.of(
                    new PlannedRow("insert", key("CATENTRY_ID", 3001L), Map.of(), "brand"),
                    new PlannedRow("update", key("CATENTRY_ID", 1001L), Map.of(), null)),
                0));
    PropagationResult result =
        new PropagationResult(
            0,
            true,
            false,
            null,
            List.of(new TableCounts("CATENTRY", 1, 1, 0)),
            List.of(),
            List.of(),
            2,
            0,
            Duration.ZERO,
            List.of(),
            List.of(),
            plan,
            java.util.Optional.empty());
    PropagationSummary summary = PropagationSummary.of(result);

    assertThat(summary.text())
        .endsWith(
            """
            plan:
              CATENTRY insert CATENTRY_ID=3001 (brand)
              CATENTRY update CATENTRY_ID=1001 (no change set)
            """);
    assertThat(SummaryJsonTest.parsed(summary).get("plan"))
        .isEqualTo(
            SummaryJsonTest.JSON.readTree(
                """
                [{"table": "CATENTRY", "rows": [
                   {"action": "insert", "key": {"CATENTRY_ID": 3001}, "changeSet": "brand"},
                   {"action": "update", "key": {"CATENTRY_ID": 1001}, "changeSet": null}],
                  "more": 0}]
                """));
  }
}
