// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stagingutils.core.metadata.TableMetadata;

/**
 * The pending rows a partial run ({@code --before}, change sets) leaves out, each with its change
 * set: what the plan of the rows it takes must not write. A partial run keeps these, not every
 * pending row's changes, while it plans the rows it takes again.
 */
final class LeftOutRows {
  /** Change set by key, by table; a {@code null} change set stands for edits made without one. */
  private final Map<TableMetadata, Map<String, String>> rows;

  private LeftOutRows(Map<TableMetadata, Map<String, String>> rows) {
    this.rows = rows;
  }

  /**
   * @param changes the changes of every pending row, by table
   * @param taken the keys the run takes, by table
   */
  static LeftOutRows of(
      Map<TableMetadata, TableChanges> changes, Map<TableMetadata, Set<String>> taken) {
    Map<TableMetadata, Map<String, String>> rows = new HashMap<>();
    changes.forEach(
        (table, tableChanges) -> {
          Set<String> keys = taken.getOrDefault(table, Set.of());
          Map<String, String> left = new HashMap<>();
          for (String key : tableChanges.dirtyKeys()) {
            if (!keys.contains(key)) {
              left.put(key, tableChanges.lastChangeSet(key));
            }
          }
          if (!left.isEmpty()) {
            rows.put(table, left);
          }
        });
    return new LeftOutRows(rows);
  }

  /** Whether the run takes every pending row, and is then a plain run. */
  boolean isEmpty() {
    return rows.isEmpty();
  }

  /** Whether the run leaves out some pending row of {@code table}. */
  boolean leavesOutRowsOf(TableMetadata table) {
    return rows.containsKey(table);
  }

  /**
   * The rows left out that {@code partialPlans} writes all the same: production's row goes in the
   * cascade of a row the run replaces (its parent came back, or went for good, elsewhere), so it is
   * written again as staging has it now, with the changes left out. They are prerequisites like the
   * others: taken along, or the run refuses.
   *
   * @param partialPlans the plans of the rows taken alone
   */
  Written writtenBy(Map<TableMetadata, TablePlan> partialPlans) {
    Map<TableMetadata, Set<String>> written = new LinkedHashMap<>();
    List<MissingPrerequisite> report = new ArrayList<>();
    partialPlans.forEach(
        (table, plan) -> {
          Map<String, String> left = rows.get(table);
          if (left == null) {
            return;
          }
          for (RowAction action : plan.actions()) {
            for (String key : Arrays.asList(action.key(), action.fromKey())) {
              if (key != null
                  && left.containsKey(key)
                  && written.computeIfAbsent(table, t -> new HashSet<>()).add(key)) {
                report.add(
                    new MissingPrerequisite(
                        table.name().name(),
                        KeyCodec.asMap(table, key),
                        left.get(key),
                        "goes in production with the cascade of a row the selected changes"
                            + " replace, and would be written again with its own changes"));
              }
            }
          }
        });
    return new Written(written, report);
  }

  /**
   * Rows left out that a plan writes, by table, and as reported.
   *
   * @param rows the keys by table, to take along
   * @param report the same rows as prerequisites, for a refusal
   */
  record Written(Map<TableMetadata, Set<String>> rows, List<MissingPrerequisite> report) {
    boolean isEmpty() {
      return report.isEmpty();
    }
  }
}
