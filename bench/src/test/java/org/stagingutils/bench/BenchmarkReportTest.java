// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's statistics and its rewrite of docs/benchmarks.md; no benchmark runs here. */
class BenchmarkReportTest {

  @Test
  void medianAndSpreadOfOddAndEvenCounts() {
    Summary odd = Summary.of(List.of(3.0, 1.0, 2.0));
    assertThat(odd.median()).isEqualTo(2.0);
    assertThat(odd.spreadPercent()).isEqualTo(50.0);
    assertThat(Summary.of(List.of(4.0, 1.0, 2.0, 3.0)).median()).isEqualTo(2.5);
  }

  @Test
  void rewritesOnlyTheMarkedSectionAndKeepsTheAnalysis(@TempDir Path dir) throws Exception {
    Path page = dir.resolve("benchmarks.md");
    Files.writeString(
        page,
        "# Benchmarks\n\nintro\n\n"
            + BenchmarkReport.BEGIN
            + "\nold numbers\n"
            + BenchmarkReport.END
            + "\n\n## Why\n\nanalysis\n");
    Results results = new Results();
    results.recordServer("PostgreSQL", "PostgreSQL 15", 2_000_000);
    results.add(
        new Comparison(
            "1",
            "copy",
            "PostgreSQL",
            "stagingcopy",
            Summary.of(List.of(2.0)),
            "pg_dump | psql",
            Summary.of(List.of(1.0)),
            1.0,
            "s"));
    results.recordMemory("PostgreSQL", "stagingcopy", 200 * 1024);
    results.recordMemory("PostgreSQL", "stagingcopy", 100 * 1024);
    results.recordFailure("MariaDB", "capture", "pgbench failed\nsecond line");
    MachineInfo machine = new MachineInfo(2, "cpu", 1024, "Linux", "Java 17", "0.1 0.2 0.3");

    new BenchmarkReport(results, machine, "--scale 1", "Shared machine.").writeTo(page);

    String text = Files.readString(page);
    assertThat(text).startsWith("# Benchmarks\n\nintro\n\n").endsWith("\n\n## Why\n\nanalysis\n");
    assertThat(text).doesNotContain("old numbers").contains("Shared machine.");
    assertThat(text)
        .contains("| 1 | copy | PostgreSQL | `stagingcopy` | 2.00 s ± 0% | `pg_dump \\| psql` |")
        .contains("| 2.00x | **missed**, 1.0x |")
        .contains("| stagingcopy | PostgreSQL | 200 MiB | 300 MiB: met |")
        .contains("Not measured: MariaDB capture: pgbench failed\n")
        .doesNotContain("second line");
  }
}
