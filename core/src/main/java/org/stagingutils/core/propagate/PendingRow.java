// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stagingutils.core.metadata.TableMetadata;

/**
 * A pending row of the selected change sets, or of every set: what a run would do with it and which
 * change set its final state belongs to (last set wins).
 *
 * @param action {@code insert}, {@code update}, {@code delete}, {@code replace} (delete, then
 *     insert again), or {@code held (KIND)} for a row a conflict of that kind keeps from production
 * @param changeSet the change set of the last change that touched the row; {@code null}: none
 */
public record PendingRow(String table, Map<String, Object> key, String action, String changeSet) {
  public PendingRow {
    key = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(key));
  }

  static List<PendingRow> of(
      Map<TableMetadata, TablePlan> plans, Map<TableMetadata, TableChanges> changes) {
    List<PendingRow> rows = new ArrayList<>();
    plans.forEach(
        (table, plan) -> {
          for (RowAction action : plan.actions()) {
            rows.add(
                new PendingRow(
                    table.name().name(),
                    KeyCodec.asMap(table, action.key()),
                    action.kind() == RowAction.Kind.MOVE
                        ? "update"
                        : action.kind().name().toLowerCase(Locale.ROOT),
                    changes.get(table).lastChangeSet(action.key())));
          }
          for (Conflict conflict : plan.conflicts()) {
            String key = keyOf(table, changes.get(table), conflict.key());
            rows.add(
                new PendingRow(
                    table.name().name(),
                    conflict.key(),
                    "held (" + conflict.kind().name().toLowerCase(Locale.ROOT) + ")",
                    key == null ? null : changes.get(table).lastChangeSet(key)));
          }
        });
    return rows;
  }

  /** The key JSON the log uses for a key given as values; conflicts are few, so a scan will do. */
  private static String keyOf(TableMetadata table, TableChanges changes, Map<String, Object> key) {
    String text = key.toString();
    for (String candidate : changes.dirtyKeys()) {
      if (KeyCodec.asMap(table, candidate).toString().equals(text)) {
        return candidate;
      }
    }
    return null;
  }
}
