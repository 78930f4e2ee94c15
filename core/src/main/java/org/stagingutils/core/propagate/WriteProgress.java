// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.stagingutils.core.metadata.TableMetadata;
import org.stagingutils.core.progress.ProgressListener;

/**
 * stagingprop's writing as one progress bar over every consolidated row, named after the table
 * being written and how many of the tables with changes have been reached so far.
 */
final class WriteProgress {
  private final ProgressListener listener;
  private final int tables;
  private final Set<TableMetadata> reached = new HashSet<>();

  WriteProgress(ProgressListener listener, Map<TableMetadata, TablePlan> plans) {
    this.listener = listener;
    long rows = 0;
    int changed = 0;
    for (TablePlan plan : plans.values()) {
      long planned = rowsOf(plan);
      rows += planned;
      changed += planned > 0 || !plan.parked().isEmpty() ? 1 : 0;
    }
    this.tables = changed;
    listener.begin("applying", rows, "rows");
  }

  /** Rows a plan writes; parking and key fix-ups revisit rows counted here already. */
  private static long rowsOf(TablePlan plan) {
    return plan.earlyDeleteActions().size() + plan.upserts().size() + plan.deletes().size();
  }

  void writing(TableMetadata table) {
    reached.add(table);
    listener.item(
        table.name().name() + " (" + Math.min(reached.size(), tables) + "/" + tables + " tables)");
  }

  void written(long rows) {
    listener.advance(rows);
  }
}
