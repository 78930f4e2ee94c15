// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One row of a dry run's plan.
 *
 * @param action {@code insert}, {@code update}, {@code delete}, {@code move} (a key update, from
 *     {@code fromKey}) or {@code replace} (delete and insert again, so that production cascades as
 *     staging did); moves and replacements count as updates
 * @param key the row's capture key in staging (for deletes: in production)
 * @param fromKey for moves: the key the row has in production; otherwise empty
 * @param changeSet the change set of the last change that touched the row (its final state is what
 *     is written); {@code null}: edited without one
 */
public record PlannedRow(
    String action, Map<String, Object> key, Map<String, Object> fromKey, String changeSet) {
  public PlannedRow {
    key = Collections.unmodifiableMap(new LinkedHashMap<>(key));
    fromKey = Collections.unmodifiableMap(new LinkedHashMap<>(fromKey));
  }

  static PlannedRow of(TablePlan plan, TableChanges changes, RowAction action) {
    return new PlannedRow(
        action.kind().name().toLowerCase(Locale.ROOT),
        KeyCodec.asMap(plan.table(), action.key()),
        action.fromKey() == null ? Map.of() : KeyCodec.asMap(plan.table(), action.fromKey()),
        changes.lastChangeSet(action.key()));
  }
}
