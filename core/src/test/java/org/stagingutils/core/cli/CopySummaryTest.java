// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stagingutils.core.copy.CopyResult;
import org.stagingutils.core.copy.TableCopy;

class CopySummaryTest {
  private static final List<TableCopy> TABLES =
      List.of(
          new TableCopy("STORE", 1, Duration.ofMillis(5)),
          new TableCopy("CATENTRY", 1200, Duration.ofMillis(700)));

  @Test
  void copyGivesTheSessionAndRowsPerTable() throws IOException {
    CopySummary summary =
        CopySummary.of(new CopyResult(7, TABLES, 1201, false, Duration.ofMillis(850)));

    assertThat(summary.exitCode()).isZero();
    assertThat(summary.text())
        .isEqualTo(
            """
            session 7: copied 1201 rows of 2 tables from production into staging in 0.9 s
              STORE     1 row
              CATENTRY  1200 rows
            """);
    assertThat(SummaryJsonTest.parsed(summary))
        .isEqualTo(
            SummaryJsonTest.JSON.readTree(
                """
                    {"status": "ok", "exitCode": 0,
                     "tables": [{"table": "STORE", "rows": 1}, {"table": "CATENTRY", "rows": 1200}],
                     "rows": 1201, "sessionId": 7, "dryRun": false}
                    """));
  }

  @Test
  void dryRunSaysWhatItWouldCopy() {
    CopySummary summary = CopySummary.of(new CopyResult(0, TABLES, 1201, true, Duration.ZERO));

    assertThat(summary.text())
        .startsWith(
            "dry run, nothing changed: would copy 1201 rows of 2 tables from production into"
                + " staging\n");
    assertThat(summary.json().get("dryRun").asBoolean()).isTrue();
  }
}
