// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.util.List;

/**
 * The rows a dry run would write to one table, as planned, at most {@link #MAX_ROWS}.
 *
 * @param more how many more rows the plan holds beyond those listed
 */
public record PlannedTable(String table, List<PlannedRow> rows, long more) {
  /** Enough to review by eye; a larger plan is better reviewed with --script-file. */
  public static final int MAX_ROWS = 100;

  public PlannedTable {
    rows = List.copyOf(rows);
  }

  static PlannedTable of(TablePlan plan, TableChanges changes) {
    List<RowAction> actions = plan.actions();
    return new PlannedTable(
        plan.table().name().name(),
        actions.stream().limit(MAX_ROWS).map(a -> PlannedRow.of(plan, changes, a)).toList(),
        Math.max(0, actions.size() - MAX_ROWS));
  }
}
