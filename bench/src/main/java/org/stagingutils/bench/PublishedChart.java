// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** --chart-only: the chart of the table a page already publishes, drawn without measuring. */
final class PublishedChart {
  private PublishedChart() {}

  /** Writes the chart beside the page and embeds it in the results section if it is not yet. */
  static Path redraw(Path page) throws IOException {
    String text = Files.readString(page, StandardCharsets.UTF_8);
    PublishedTable table = PublishedTable.parse(text);
    Path chart = BenchmarkReport.chartFile(page);
    Files.writeString(
        chart, new RatioChart(table.caption(), table.bars()).svg(), StandardCharsets.UTF_8);
    String line = BenchmarkReport.chartLine(page);
    int end = text.indexOf(BenchmarkReport.END);
    if (!text.substring(0, end).contains(line)) {
      // where a full run puts it: the last thing of the section
      Files.writeString(
          page,
          text.substring(0, end) + line + "\n\n" + text.substring(end),
          StandardCharsets.UTF_8);
    }
    return chart;
  }
}
