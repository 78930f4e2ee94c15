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
    Set<Long> skippedLogIds) {

  TableCounts counts() {
    long inserted = actions.stream().filter(a -> a.kind() == RowAction.Kind.INSERT).count();
    long deleted = actions.stream().filter(a -> a.kind() == RowAction.Kind.DELETE).count();
    return new TableCounts(
        table.name().name(), inserted, actions.size() - inserted - deleted, deleted);
  }

  List<RowAction> upserts() {
    return actions.stream().filter(a -> a.kind() != RowAction.Kind.DELETE).toList();
  }

  List<RowAction> deletes() {
    return actions.stream().filter(a -> a.kind() == RowAction.Kind.DELETE).toList();
  }
}
