// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stagingutils.core.metadata.TableMetadata;

/**
 * One row a dry run would write to production.
 *
 * @param action {@code insert}, {@code update}, {@code delete}, or {@code replace} (delete, then
 *     insert again)
 * @param changeSet the change set of the last change that touched the row; {@code null}: none
 */
public record PlannedRow(String table, Map<String, Object> key, String action, String changeSet) {
  public PlannedRow {
    key = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(key));
  }

  static List<PlannedRow> of(
      Map<TableMetadata, TablePlan> plans, Map<TableMetadata, TableChanges> changes) {
    List<PlannedRow> rows = new ArrayList<>();
    plans.forEach(
        (table, plan) -> {
          for (RowAction action : plan.actions()) {
            rows.add(
                new PlannedRow(
                    table.name().name(),
                    KeyCodec.asMap(table, action.key()),
                    action.kind() == RowAction.Kind.MOVE
                        ? "update"
                        : action.kind().name().toLowerCase(Locale.ROOT),
                    changes.get(table).lastChangeSet(action.key())));
          }
        });
    return rows;
  }
}
