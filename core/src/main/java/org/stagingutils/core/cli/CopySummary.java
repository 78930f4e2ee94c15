// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.stagingutils.core.copy.CopyResult;
import org.stagingutils.core.copy.TableCopy;

/** stagingcopy's summary: rows per table and the session it started. */
public record CopySummary(CopyResult result) implements Summary {

  public static CopySummary of(CopyResult result) {
    return new CopySummary(result);
  }

  @Override
  public int exitCode() {
    return ExitCodes.OK;
  }

  @Override
  public String text() {
    String tables = TextLines.count(result.tables().size(), "table");
    String rows = TextLines.count(result.rows(), "row");
    StringBuilder text = new StringBuilder();
    if (result.dryRun()) {
      text.append("dry run, nothing changed: would copy ")
          .append(rows)
          .append(" of ")
          .append(tables)
          .append(" from production into staging\n");
    } else {
      text.append("session ")
          .append(result.sessionId())
          .append(": copied ")
          .append(rows)
          .append(" of ")
          .append(tables)
          .append(" from production into staging in ")
          .append(TextLines.seconds(result.elapsed()))
          .append('\n');
    }
    int width = result.tables().stream().mapToInt(t -> t.table().length()).max().orElse(0);
    for (TableCopy table : result.tables()) {
      text.append("  ")
          .append(TextLines.pad(table.table(), width))
          .append("  ")
          .append(TextLines.count(table.rows(), "row"))
          .append('\n');
    }
    return text.toString();
  }

  @Override
  public ObjectNode json() {
    ObjectNode json = SummaryJson.status("ok", exitCode());
    ArrayNode tables = json.putArray("tables");
    for (TableCopy table : result.tables()) {
      ObjectNode node = tables.addObject();
      node.put("table", table.table());
      node.put("rows", table.rows());
    }
    json.put("rows", result.rows());
    json.put("sessionId", result.sessionId());
    json.put("dryRun", result.dryRun());
    return json;
  }
}
