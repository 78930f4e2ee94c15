// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.util.List;
import java.util.Set;
import org.stagingutils.core.metadata.TableMetadata;

/**
 * What propagation will do to one table: its row actions, the conflicts found, and which log rows
 * it consumes (those of skipped conflicting rows stay pending).
 */
record TablePlan(
    TableMetadata table,
    List<RowAction> actions,
    List<Conflict> conflicts,
    Set<Long> processedLogIds,
    Set<Long> skippedLogIds,
    Set<String> earlyDeletes,
    java.util.Map<String, List<org.stagingutils.core.metadata.Key>> parked) {

  /** This plan without the rows that cannot be written, which stay pending as conflicts. */
  TablePlan without(java.util.Map<String, Conflict> rows, TableChanges changes) {
    if (rows.isEmpty()) {
      return this;
    }
    List<Conflict> allConflicts = new java.util.ArrayList<>(conflicts);
    allConflicts.addAll(rows.values());
    Set<Long> skipped = new java.util.HashSet<>(skippedLogIds);
    rows.keySet().forEach(k -> skipped.addAll(changes.logIds(k)));
    Set<Long> processed = new java.util.HashSet<>(processedLogIds);
    processed.removeAll(skipped);
    return new TablePlan(
        table,
        actions.stream().filter(a -> !rows.containsKey(a.key())).toList(),
        allConflicts,
        processed,
        skipped,
        earlyDeletes,
        parked);
  }

  TableCounts counts() {
    long inserted = actions.stream().filter(a -> a.kind() == RowAction.Kind.INSERT).count();
    long deleted = actions.stream().filter(a -> a.kind() == RowAction.Kind.DELETE).count();
    return new TableCounts(
        table.name().name(), inserted, actions.size() - inserted - deleted, deleted);
  }

  List<RowAction> upserts() {
    return actions.stream().filter(a -> a.kind() != RowAction.Kind.DELETE).toList();
  }

  /** Deletes that free a unique value another row of this run needs: done before the upserts. */
  List<RowAction> earlyDeleteActions() {
    return actions.stream()
        .filter(
            a ->
                a.kind() == RowAction.Kind.REPLACE
                    || a.kind() == RowAction.Kind.DELETE && earlyDeletes.contains(a.key()))
        .map(a -> RowAction.of(RowAction.Kind.DELETE, a.key()))
        .toList();
  }

  List<RowAction> deletes() {
    return actions.stream()
        .filter(a -> a.kind() == RowAction.Kind.DELETE && !earlyDeletes.contains(a.key()))
        .toList();
  }
}
