// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.stagingutils.core.check.CheckKind;
import org.stagingutils.core.check.CheckReport;
import org.stagingutils.core.check.Problem;
import org.stagingutils.core.propagate.MissingPrerequisite;
import org.stagingutils.core.propagate.PendingRow;

/** stagingcheck's summary: problems grouped by check and table; exit 1 when there are any. */
public record CheckSummary(CheckReport report) implements Summary {
  private static final Map<CheckKind, String> HEADINGS =
      new EnumMap<>(
          Map.of(
              CheckKind.UNIQUE, "pending rows that would collide in production on a key",
              CheckKind.DRIFT, "pending changes whose production row was edited meanwhile",
              CheckKind.REFERENCES, "rows that pending changes reference but production lacks",
              CheckKind.SCHEMA, "staged tables that differ between staging and production",
              CheckKind.CONFIG, "staged tables that cannot be propagated as declared"));
  private static final String INDENT = "        ";

  public static CheckSummary of(CheckReport report) {
    return new CheckSummary(report);
  }

  @Override
  public int exitCode() {
    return report.clean() ? ExitCodes.OK : ExitCodes.REFUSED;
  }

  @Override
  public String text() {
    StringBuilder text = new StringBuilder();
    for (var check : byCheckAndTable().entrySet()) {
      String kind = TextLines.lowerCase(check.getKey());
      text.append(kind).append(": ").append(HEADINGS.get(check.getKey())).append('\n');
      for (var table : check.getValue().entrySet()) {
        text.append("  ").append(table.getKey()).append('\n');
        table.getValue().forEach(problem -> append(text, problem));
      }
      text.append('\n');
    }
    if (report.changeSets().stream().anyMatch(c -> c.changeSet() != null)) {
      text.append("pending by change set: ")
          .append(
              report.changeSets().stream()
                  .map(
                      c ->
                          (c.changeSet() == null ? "(no change set)" : c.changeSet())
                              + " "
                              + c.pendingChanges())
                  .collect(Collectors.joining(", ")))
          .append('\n');
    }
    appendSelection(text);
    return text.append(countLine()).append('\n').toString();
  }

  /** With --change-set: the rows the sets would write, then what they need from outside. */
  private void appendSelection(StringBuilder text) {
    if (report.selectedChangeSets().isEmpty()) {
      return;
    }
    text.append("change set ")
        .append(String.join(", ", report.selectedChangeSets()))
        .append(": ")
        .append(TextLines.count(report.changeSetRows().size(), "pending row"))
        .append('\n');
    for (PendingRow row : report.changeSetRows()) {
      text.append("  ")
          .append(TextLines.pad(row.action(), 16))
          .append(' ')
          .append(row.table())
          .append(' ')
          .append(TextLines.key(row.key()))
          .append(" (")
          .append(setName(row.changeSet()))
          .append(")\n");
    }
    text.append("prerequisites pending outside it: ")
        .append(report.prerequisites().size())
        .append(
            report.prerequisites().isEmpty()
                ? ""
                : " (stagingprop --with-prerequisites takes them)")
        .append('\n');
    for (MissingPrerequisite row : report.prerequisites()) {
      text.append("  ")
          .append(row.table())
          .append(' ')
          .append(TextLines.key(row.key()))
          .append(" (")
          .append(setName(row.changeSet()))
          .append(")")
          .append(row.reason() == null ? "" : ": " + row.reason())
          .append('\n');
    }
    text.append('\n');
  }

  private static String setName(String changeSet) {
    return changeSet == null ? "no change set" : changeSet;
  }

  private static void append(StringBuilder text, Problem problem) {
    text.append("    - ").append(problem.message()).append('\n');
    if (!problem.key().isEmpty()) {
      detail(text, "key", TextLines.key(problem.key()));
    }
    problem.index().ifPresent(index -> detail(text, "index", index));
    problem.column().ifPresent(column -> detail(text, "column", column));
    if (problem.staging().isPresent() || problem.production().isPresent()) {
      detail(text, "staging", side(problem.staging()));
      detail(text, "production", side(problem.production()));
    }
  }

  private static String side(Optional<Object> value) {
    return value.map(SummaryJson::text).orElse("(none)");
  }

  private static void detail(StringBuilder text, String label, String value) {
    text.append(INDENT).append(TextLines.pad(label + ":", 12)).append(value).append('\n');
  }

  private String countLine() {
    String pending = TextLines.count(report.pendingChanges(), "pending change");
    String checks =
        "checks run: " + (checksRun().isEmpty() ? "none" : String.join(", ", checksRun()));
    if (report.clean()) {
      return "no problems; " + pending + "; " + checks;
    }
    return summary() + "; " + pending + "; " + checks;
  }

  /** {@code 3 problems (schema: 2, config: 1) in 2 tables}. */
  private String summary() {
    Map<CheckKind, Map<String, List<Problem>>> grouped = byCheckAndTable();
    String perCheck =
        grouped.entrySet().stream()
            .map(
                e ->
                    TextLines.lowerCase(e.getKey())
                        + ": "
                        + e.getValue().values().stream().mapToInt(List::size).sum())
            .collect(Collectors.joining(", "));
    long tables = report.problems().stream().map(Problem::table).distinct().count();
    return TextLines.count(report.problems().size(), "problem")
        + " ("
        + perCheck
        + ") in "
        + TextLines.count(tables, "table");
  }

  private Map<CheckKind, Map<String, List<Problem>>> byCheckAndTable() {
    Map<CheckKind, Map<String, List<Problem>>> grouped = new LinkedHashMap<>();
    for (Problem problem : report.problems()) {
      grouped
          .computeIfAbsent(problem.check(), k -> new LinkedHashMap<>())
          .computeIfAbsent(problem.table(), t -> new ArrayList<>())
          .add(problem);
    }
    return grouped;
  }

  /** The checks that ran, in the order stagingcheck knows them. */
  private List<String> checksRun() {
    return java.util.Arrays.stream(CheckKind.values())
        .filter(report.checks()::contains)
        .map(TextLines::lowerCase)
        .toList();
  }

  @Override
  public ObjectNode json() {
    ObjectNode json = SummaryJson.status(report.clean() ? "ok" : "problems", exitCode());
    if (!report.clean()) {
      json.put("message", summary() + ": fix them before running stagingprop");
    }
    ArrayNode checks = json.putArray("checks");
    checksRun().forEach(checks::add);
    ArrayNode problems = json.putArray("problems");
    report.problems().forEach(problem -> problems.add(json(problem)));
    json.put("pendingChanges", report.pendingChanges());
    ArrayNode changeSets = json.putArray("changeSets");
    report
        .changeSets()
        .forEach(
            c -> {
              ObjectNode entry = changeSets.addObject();
              entry.put("changeSet", c.changeSet());
              entry.put("pendingChanges", c.pendingChanges());
            });
    if (!report.selectedChangeSets().isEmpty()) {
      ArrayNode rows = json.putArray("changeSetRows");
      for (PendingRow row : report.changeSetRows()) {
        ObjectNode entry = rows.addObject();
        entry.put("table", row.table());
        entry.set("key", SummaryJson.key(row.key()));
        entry.put("action", row.action());
        entry.put("changeSet", row.changeSet());
      }
      ArrayNode prerequisites = json.putArray("prerequisites");
      for (MissingPrerequisite row : report.prerequisites()) {
        ObjectNode entry = prerequisites.addObject();
        entry.put("table", row.table());
        entry.set("key", SummaryJson.key(row.key()));
        entry.put("changeSet", row.changeSet());
        entry.put("reason", row.reason());
      }
    }
    return json;
  }

  private static ObjectNode json(Problem problem) {
    ObjectNode json = SummaryJson.object();
    json.put("check", TextLines.lowerCase(problem.check()));
    json.put("table", problem.table());
    json.set("key", SummaryJson.key(problem.key()));
    json.put("message", problem.message());
    problem.index().ifPresent(index -> json.put("index", index));
    problem.column().ifPresent(column -> json.put("column", column));
    problem.staging().ifPresent(value -> json.set("staging", SummaryJson.value(value)));
    problem.production().ifPresent(value -> json.set("production", SummaryJson.value(value)));
    return json;
  }
}
