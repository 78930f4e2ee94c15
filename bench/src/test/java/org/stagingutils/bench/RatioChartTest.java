// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

/** The ratio chart: read back from a published table, well-formed, one bar per row. */
class RatioChartTest {
  private static final String PAGE =
      "# Benchmarks\n\nintro\n\n"
          + BenchmarkReport.BEGIN
          + "\n\nMeasured 2026-11-26 by `scripts/bench --scale 1.0 --runs 1`.\n"
          + "Machine: 2 cores.\n\n"
          + "| # | workload | server | measured | median | baseline | median | ratio | target |\n"
          + "|---|---|---|---|---|---|---|---|---|\n"
          + "| 1 | copy 2,010,030 rows | PostgreSQL | `stagingcopy` | 104.5 s ± 0% |"
          + " `pg_dump \\| psql` | 16.3 s ± 0% | 6.41x | **missed**, 1.0x |\n"
          + "| 5 | check <all> & more | PostgreSQL | `stagingcheck` | 48.2 s ± 0% |"
          + " `stagingprop --dry-run` | 40.8 s ± 0% | 0.96x | met, 1.0x |\n"
          + "| 4b | 100,000-row update | MariaDB | `captured` | 8.81 s ± 0% | `no capture` |"
          + " 0.544 s ± 0% | 16.21x | **missed**, 2.0x |\n"
          + "\nMedian of the measured runs.\n\n"
          + "| utility | server | peak RSS | target |\n|---|---|---|---|\n"
          + "| stagingprop | MariaDB | 418 MiB | 300 MiB: **missed** |\n\n"
          + BenchmarkReport.END
          + "\n\n## Why\n\nanalysis\n";

  @Test
  void readsTheComparisonRowsOfThePublishedSection() {
    PublishedTable table = PublishedTable.parse(PAGE);

    assertThat(table.caption())
        .isEqualTo("Measured 2026-11-26 by scripts/bench --scale 1.0 --runs 1");
    assertThat(table.bars())
        .containsExactly(
            new ChartBar("1", "copy 2,010,030 rows", "PostgreSQL", 6.41, 1.0, false),
            new ChartBar("5", "check <all> & more", "PostgreSQL", 0.96, 1.0, true),
            new ChartBar("4b", "100,000-row update", "MariaDB", 16.21, 2.0, false));
  }

  @Test
  void aPageWithoutResultsHasNothingToChart() {
    assertThatThrownBy(() -> PublishedTable.parse("# Benchmarks\n"))
        .isInstanceOf(BenchException.class)
        .hasMessageContaining("markers");
    assertThatThrownBy(
            () -> PublishedTable.parse(BenchmarkReport.BEGIN + "\n\n" + BenchmarkReport.END))
        .isInstanceOf(BenchException.class)
        .hasMessageContaining("no comparison table");
  }

  @Test
  void theChartIsWellFormedWithOneBarPerRowAndTheMissedOnesMarked() throws Exception {
    PublishedTable table = PublishedTable.parse(PAGE);

    Document svg = parse(new RatioChart(table.caption(), table.bars()).svg());

    assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
    List<Element> bars = elements(svg, "g");
    assertThat(bars).hasSize(3);
    assertThat(bars)
        .extracting(bar -> bar.getAttribute("data-number") + " " + bar.getAttribute("class"))
        .containsExactly("1 bar missed", "4b bar missed", "5 bar met");
    // readable without colour: each bar says whether it met its target, and has its marker
    assertThat(bars.get(0).getTextContent()).contains("PostgreSQL", "6.41x", "missed", "1.0x");
    assertThat(bars.get(1).getTextContent()).contains("MariaDB", "16.21x", "missed", "2.0x");
    assertThat(bars.get(2).getTextContent()).contains("0.96x", "met").doesNotContain("missed");
    for (Element bar : bars) {
      assertThat(bar.getElementsByTagName("line").getLength()).isEqualTo(1);
    }
    assertThat(svg.getDocumentElement().getTextContent())
        .contains("log scale", "check <all> & more", "target met", "target missed");
  }

  @Test
  void theAxisDoublesAtEachGridlineAndCoversTheLongestBar() {
    LogScale scale =
        LogScale.covering(
            List.of(
                new ChartBar("1", "a", "MariaDB", 16.21, 2.0, false),
                new ChartBar("2", "b", "MariaDB", 0.61, 1.0, true)));

    assertThat(scale.ticks()).containsExactly(0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0);
    assertThat(scale.ticks()).extracting(LogScale::label).startsWith("0.5x", "1x");
    assertThat(scale.position(1.0)).isCloseTo(1.0 / 6, within(1e-9));
    assertThat(scale.position(4.0) - scale.position(2.0))
        .isCloseTo(scale.position(2.0) - scale.position(1.0), within(1e-9));
    // an endless ratio (a baseline measured as zero) stays on the chart
    assertThat(scale.position(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
    assertThat(scale.position(0)).isZero();
  }

  @Test
  void chartOnlyDrawsThePublishedTableAndEmbedsItOnce(@TempDir Path dir) throws Exception {
    Path page = dir.resolve("benchmarks.md");
    Files.writeString(page, PAGE);
    String[] args = {"--chart-only", "--repository", dir.toString(), "--output", "benchmarks.md"};

    assertThat(new CommandLine(new BenchCommand()).execute(args)).isZero();
    assertThat(new CommandLine(new BenchCommand()).execute(args)).isZero();

    assertThat(elements(parse(Files.readString(dir.resolve("benchmarks.svg"))), "g")).hasSize(3);
    String text = Files.readString(page);
    String embed = "![Ratios against targets](benchmarks.svg)";
    assertThat(text.indexOf(embed)).isPositive().isEqualTo(text.lastIndexOf(embed));
    assertThat(text)
        .contains("418 MiB | 300 MiB: **missed** |\n\n" + embed + "\n\n" + BenchmarkReport.END)
        .endsWith("\n\n## Why\n\nanalysis\n");
  }

  @Test
  void chartOnlyWithoutAPageFails(@TempDir Path dir) {
    CommandLine command = new CommandLine(new BenchCommand());
    command.setErr(new PrintWriter(new StringWriter()));

    assertThat(command.execute("--chart-only", "--repository", dir.toString(), "--output", "x.md"))
        .isEqualTo(2);
    assertThat(command.execute("--chart-only", "--output", "-")).isEqualTo(2);
  }

  @Test
  void aFullRunWritesTheChartBesideThePage(@TempDir Path dir) throws Exception {
    Path page = dir.resolve("benchmarks.md");
    Results results = new Results();
    results.add(
        new Comparison(
            "3",
            "consolidate",
            "MariaDB",
            "stagingprop",
            Summary.of(List.of(1.0)),
            "stagingprop",
            Summary.of(List.of(2.0)),
            2.0,
            "s"));
    MachineInfo machine = new MachineInfo(2, "cpu", 1024, "Linux", "Java 17", "0.1 0.2 0.3");
    BenchmarkReport report = new BenchmarkReport(results, machine, "--scale 1", "");

    report.writeTo(page);

    assertThat(report.markdown()).doesNotContain("benchmarks.svg");
    assertThat(Files.readString(page))
        .contains("![Ratios against targets](benchmarks.svg)\n\n" + BenchmarkReport.END);
    List<Element> bars = elements(parse(Files.readString(dir.resolve("benchmarks.svg"))), "g");
    assertThat(bars)
        .singleElement()
        .satisfies(bar -> assertThat(bar.getAttribute("class")).isEqualTo("bar met"));
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> elements(Document document, String tag) {
    NodeList nodes = document.getElementsByTagName(tag);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }
}
