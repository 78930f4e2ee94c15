// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.stagingutils.core.propagate.Conflict;
import org.stagingutils.core.propagate.MissingPrerequisite;
import org.stagingutils.core.propagate.PlannedRow;
import org.stagingutils.core.propagate.PlannedTable;
import org.stagingutils.core.propagate.PropagationResult;
import org.stagingutils.core.propagate.TableCounts;

/** stagingprop's summary: counts per table, conflicts and missing prerequisites. */
public record PropagationSummary(PropagationResult result) implements Summary {

  public static PropagationSummary of(PropagationResult result) {
    return new PropagationSummary(result);
  }

  @Override
  public int exitCode() {
    return result.refused() ? ExitCodes.REFUSED : ExitCodes.OK;
  }

  @Override
  public String text() {
    StringBuilder text = new StringBuilder();
    text.append(headline()).append('\n');
    int width = result.tables().stream().mapToInt(t -> t.table().length()).max().orElse(0);
    for (TableCounts table : result.tables()) {
      text.append("  ")
          .append(TextLines.pad(table.table(), width))
          .append("  ")
          .append(counts(table.inserted(), table.updated(), table.deleted()))
          .append('\n');
    }
    appendPlan(text);
    if (!result.conflicts().isEmpty()) {
      text.append(TextLines.count(result.conflicts().size(), "conflict")).append(":\n");
      for (Conflict conflict : result.conflicts()) {
        text.append("  ")
            .append(row(conflict.table(), TextLines.key(conflict.key())))
            .append(": ")
            .append(TextLines.lowerCase(conflict.kind()))
            .append(": ")
            .append(conflict.message())
            .append('\n');
      }
    }
    if (!result.missingPrerequisites().isEmpty()) {
      text.append(TextLines.count(result.missingPrerequisites().size(), "missing prerequisite"))
          .append(" (add --with-prerequisites or their change sets):\n");
      for (MissingPrerequisite missing : result.missingPrerequisites()) {
        text.append("  ")
            .append(row(missing.table(), TextLines.key(missing.key())))
            .append(", ")
            .append(
                missing.changeSet() == null
                    ? "edited without a change set"
                    : "in change set " + missing.changeSet())
            .append(missing.reason() == null ? "" : ": " + missing.reason())
            .append('\n');
      }
    }
    return text.toString();
  }

  private String headline() {
    String totals = counts(result.inserted(), result.updated(), result.deleted());
    String changes =
        TextLines.count(result.processedChanges(), "change")
            + " processed, "
            + result.skippedChanges()
            + " skipped";
    if (result.refused()) {
      return "refused, nothing changed: " + result.message();
    }
    if (result.dryRun()) {
      return result.scriptFile().map(f -> "script written to " + f).orElse("dry run")
          + ", nothing changed: would apply "
          + totals
          + " ("
          + TextLines.count(result.processedChanges(), "change")
          + ")";
    }
    return "run "
        + result.runId()
        + ": "
        + totals
        + " ("
        + changes
        + ") in "
        + TextLines.seconds(result.elapsed());
  }

  /**
   * A dry run's rows, table by table, each table's list capped; once any row belongs to a change
   * set, every row says which (or none), so a row a later edit took out of a set shows it.
   */
  private void appendPlan(StringBuilder text) {
    if (result.plan().isEmpty()) {
      return;
    }
    boolean withSets =
        result.plan().stream().flatMap(t -> t.rows().stream()).anyMatch(r -> r.changeSet() != null);
    text.append("plan:\n");
    for (PlannedTable table : result.plan()) {
      for (PlannedRow row : table.rows()) {
        text.append("  ")
            .append(row(table.table(), row.action()))
            .append(' ')
            .append(TextLines.key(row.key()));
        if (!row.fromKey().isEmpty()) {
          text.append(" from ").append(TextLines.key(row.fromKey()));
        }
        if (withSets) {
          text.append(" (")
              .append(row.changeSet() == null ? "no change set" : row.changeSet())
              .append(')');
        }
        text.append('\n');
      }
      if (table.more() > 0) {
        text.append("  ... ")
            .append(TextLines.count(table.more(), "more row"))
            .append(" of ")
            .append(table.table())
            .append('\n');
      }
    }
  }

  private static String counts(long inserted, long updated, long deleted) {
    return inserted + " inserted, " + updated + " updated, " + deleted + " deleted";
  }

  private static String row(String table, String key) {
    return table + " " + key;
  }

  @Override
  public ObjectNode json() {
    ObjectNode json = SummaryJson.status(result.refused() ? "refused" : "ok", exitCode());
    if (result.refused() && result.message() != null) {
      json.put("message", result.message());
    }
    json.put("runId", result.runId());
    json.put("inserted", result.inserted());
    json.put("updated", result.updated());
    json.put("deleted", result.deleted());
    ArrayNode tables = json.putArray("tables");
    for (TableCounts table : result.tables()) {
      ObjectNode node = tables.addObject();
      node.put("table", table.table());
      node.put("inserted", table.inserted());
      node.put("updated", table.updated());
      node.put("deleted", table.deleted());
    }
    ArrayNode conflicts = json.putArray("conflicts");
    for (Conflict conflict : result.conflicts()) {
      ObjectNode node = conflicts.addObject();
      node.put("table", conflict.table());
      node.set("key", SummaryJson.key(conflict.key()));
      node.put("kind", TextLines.lowerCase(conflict.kind()));
      node.put("message", conflict.message());
    }
    ArrayNode missing = json.putArray("missingPrerequisites");
    for (MissingPrerequisite prerequisite : result.missingPrerequisites()) {
      ObjectNode node = missing.addObject();
      node.put("table", prerequisite.table());
      node.set("key", SummaryJson.key(prerequisite.key()));
      node.put("changeSet", prerequisite.changeSet());
      if (prerequisite.reason() != null) {
        node.put("reason", prerequisite.reason());
      }
    }
    json.put("processedChanges", result.processedChanges());
    json.put("skippedChanges", result.skippedChanges());
    json.put("dryRun", result.dryRun());
    if (result.dryRun() && !result.refused()) {
      json.set("plan", plan());
    }
    result.scriptFile().ifPresent(f -> json.put("scriptFile", f.toString()));
    return json;
  }

  private ArrayNode plan() {
    ArrayNode plan = SummaryJson.object().arrayNode();
    for (PlannedTable table : result.plan()) {
      ObjectNode node = plan.addObject();
      node.put("table", table.table());
      ArrayNode rows = node.putArray("rows");
      for (PlannedRow row : table.rows()) {
        ObjectNode planned = rows.addObject();
        planned.put("action", row.action());
        planned.set("key", SummaryJson.key(row.key()));
        if (!row.fromKey().isEmpty()) {
          planned.set("fromKey", SummaryJson.key(row.fromKey()));
        }
        planned.put("changeSet", row.changeSet());
      }
      node.put("more", table.more());
    }
    return plan;
  }
}
