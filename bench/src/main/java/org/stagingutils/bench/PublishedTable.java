// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The comparison rows of a results section already in the page, read back so that the chart of a
 * published table can be drawn without measuring again.
 */
record PublishedTable(String caption, List<ChartBar> bars) {
  // a pipe inside a cell is escaped (`pg_dump \| psql`), so only unescaped ones separate cells
  private static final Pattern CELL_SEPARATOR = Pattern.compile("(?<!\\\\)\\|");
  private static final int CELLS = 9;

  static PublishedTable parse(String page) {
    int begin = page.indexOf(BenchmarkReport.BEGIN);
    int end = page.indexOf(BenchmarkReport.END);
    if (begin < 0 || end < begin) {
      throw new BenchException("the page has no section between the BENCH RESULTS markers");
    }
    String caption = "";
    List<ChartBar> bars = new ArrayList<>();
    boolean inTable = false;
    for (String line : page.substring(begin, end).lines().toList()) {
      if (line.startsWith("Measured ")) {
        caption = line.replace("`", "").replaceAll("\\.$", "");
      } else if (line.startsWith("| # | workload |")) {
        inTable = true;
      } else if (inTable && line.startsWith("|")) {
        if (!line.startsWith("|---")) {
          bars.add(row(line));
        }
      } else {
        inTable = false;
      }
    }
    if (bars.isEmpty()) {
      throw new BenchException("the results section has no comparison table to chart");
    }
    return new PublishedTable(caption, List.copyOf(bars));
  }

  /** {@code | 1 | copy ... | PostgreSQL | ... | 6.41x | **missed**, 1.0x |} */
  private static ChartBar row(String line) {
    String[] cells = CELL_SEPARATOR.split(line.strip());
    // split leaves an empty cell before the leading pipe and none after the trailing one
    if (cells.length != CELLS + 1) {
      throw new BenchException("unexpected results row: " + line);
    }
    String status = cells[9].strip();
    int comma = status.lastIndexOf(',');
    if (comma < 0) {
      throw new BenchException("unexpected target cell: " + line);
    }
    return new ChartBar(
        cells[1].strip(),
        cells[2].strip(),
        cells[3].strip(),
        times(cells[8]),
        times(status.substring(comma + 1)),
        !status.substring(0, comma).toLowerCase(Locale.ROOT).contains("missed"));
  }

  private static double times(String cell) {
    String text = cell.strip();
    if (!text.endsWith("x")) {
      throw new BenchException("not a ratio: " + text);
    }
    try {
      return Double.parseDouble(text.substring(0, text.length() - 1));
    } catch (NumberFormatException e) {
      throw new BenchException("not a ratio: " + text, e);
    }
  }
}
