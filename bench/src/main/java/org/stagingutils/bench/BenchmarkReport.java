// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results as Markdown, written between two markers of docs/benchmarks.md so that the analysis
 * written around them by hand survives a new run.
 */
final class BenchmarkReport {
  static final String BEGIN = "<!-- BEGIN BENCH RESULTS: written by scripts/bench, do not edit -->";
  static final String END = "<!-- END BENCH RESULTS -->";

  private final Results results;
  private final MachineInfo machine;
  private final String settings;
  private final String note;

  BenchmarkReport(Results results, MachineInfo machine, String settings, String note) {
    this.results = results;
    this.machine = machine;
    this.settings = settings;
    this.note = note;
  }

  /** The section as printed to stdout: without the chart, which only a written page gets. */
  String markdown() {
    return markdown("");
  }

  private String markdown(String chartLine) {
    StringBuilder out = new StringBuilder();
    out.append(BEGIN).append("\n\n");
    out.append("Measured ")
        .append(LocalDate.now())
        .append(" by `scripts/bench ")
        .append(settings)
        .append("`.\n");
    out.append(
        String.format(
            Locale.ROOT,
            "Machine: %d cores (%s), %,d MiB memory, %s, %s; load average %s at the start.%n",
            machine.cores(),
            machine.cpu(),
            machine.memoryMib(),
            machine.system(),
            machine.java(),
            machine.load()));
    for (Map.Entry<String, String> server : results.serverVersions().entrySet()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%s: %s, %,d catalog rows.%n",
              server.getKey(),
              server.getValue(),
              results.catalogRows().get(server.getKey())));
    }
    if (!note.isBlank()) {
      out.append(note).append('\n');
    }
    out.append(
        "\n| # | workload | server | measured | median | baseline | median | ratio | target |\n");
    out.append("|---|---|---|---|---|---|---|---|---|\n");
    for (Comparison c : results.comparisons()) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s | %s | %.2fx | %s %.1fx |%n",
              c.number(),
              c.workload(),
              c.dialect(),
              cell(c.candidate()),
              format(c.candidateSummary(), c.unit()),
              cell(c.baseline()),
              format(c.baselineSummary(), c.unit()),
              c.ratio(),
              c.met() ? "met," : "**missed**,",
              c.target()));
    }
    out.append(
        "\nMedian of the measured runs, ± half their range as a percentage of the median.\n");
    for (String failure : results.failures()) {
      out.append("\nNot measured: ").append(failure).append('\n');
    }
    if (!results.memory().isEmpty()) {
      out.append("\nPeak resident memory (`/usr/bin/time`, the largest over every run):\n\n");
      out.append("| utility | server | peak RSS | target |\n|---|---|---|---|\n");
      for (MemoryPeak peak : results.memory()) {
        long mib = Math.round(peak.peakRssKb() / 1024.0);
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %d MiB | 300 MiB: %s |%n",
                peak.utility(),
                peak.dialect(),
                mib,
                mib <= 300 ? "met" : "**missed**"));
      }
    }
    if (!chartLine.isEmpty()) {
      out.append('\n').append(chartLine).append('\n');
    }
    out.append('\n').append(END).append('\n');
    return out.toString();
  }

  /**
   * Replaces the marked section of the file, or appends one when the file has none yet, and writes
   * the chart of the comparisons next to it.
   */
  void writeTo(Path file) throws IOException {
    String chartLine = "";
    if (!results.comparisons().isEmpty()) {
      List<ChartBar> bars = results.comparisons().stream().map(ChartBar::of).toList();
      String caption = "Measured " + LocalDate.now() + " by scripts/bench " + settings;
      Files.writeString(
          chartFile(file), new RatioChart(caption, bars).svg(), StandardCharsets.UTF_8);
      chartLine = chartLine(file);
    }
    String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    int begin = existing.indexOf(BEGIN);
    int end = existing.indexOf(END);
    String updated;
    if (begin >= 0 && end > begin) {
      int after = existing.indexOf('\n', end);
      updated =
          existing.substring(0, begin)
              + markdown(chartLine)
              + (after < 0 ? "" : existing.substring(after + 1));
    } else {
      updated = existing + (existing.isEmpty() ? "# Benchmarks\n\n" : "\n") + markdown(chartLine);
    }
    Files.writeString(file, updated, StandardCharsets.UTF_8);
  }

  /** The chart's file: beside the page, named after it. */
  static Path chartFile(Path page) {
    String name = page.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return page.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".svg");
  }

  /** The Markdown image that embeds the chart in the page. */
  static String chartLine(Path page) {
    return "![" + RatioChart.TITLE + "](" + chartFile(page).getFileName() + ")";
  }

  /** A tool name in code style, its pipe escaped so that it stays in its table cell. */
  private static String cell(String text) {
    return "`" + text.replace("|", "\\|") + "`";
  }

  private static String format(Summary summary, String unit) {
    String median =
        summary.median() >= 10
            ? String.format(Locale.ROOT, "%.1f", summary.median())
            : String.format(Locale.ROOT, "%.3g", summary.median());
    return String.format(Locale.ROOT, "%s %s ± %.0f%%", median, unit, summary.spreadPercent());
  }
}
