// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.stagingutils.core.metadata.Key;
import org.stagingutils.core.metadata.TableMetadata;

/**
 * What propagation will do to one table: its row actions, the conflicts found, and which log rows
 * it consumes (those of skipped conflicting rows stay pending).
 *
 * @param earlyDeletes deleted rows whose unique values other rows take: deleted before the upserts
 * @param parked production rows (by production key) moved aside on these keys before the upserts
 * @param freedValues which rows free a unique value for which others
 */
record TablePlan(
    TableMetadata table,
    List<RowAction> actions,
    List<Conflict> conflicts,
    LogIds processedLogIds,
    LogIds skippedLogIds,
    Set<String> earlyDeletes,
    Map<String, List<Key>> parked,
    List<FreedValue> freedValues) {

  /**
   * This plan without the rows that cannot be written, which stay pending as conflicts, and without
   * the rows that would take a unique value one of those was to free.
   */
  TablePlan without(Map<String, Conflict> rows, TableChanges changes) {
    if (rows.isEmpty()) {
      return this;
    }
    Map<String, Conflict> held = withTakersOf(rows);
    List<Conflict> allConflicts = new ArrayList<>(conflicts);
    allConflicts.addAll(held.values());
    LogIds.Builder skippedIds = new LogIds.Builder().addAll(skippedLogIds);
    held.keySet().forEach(k -> skippedIds.addAll(changes.logIds(k)));
    LogIds skipped = skippedIds.build();
    LogIds processed = processedLogIds.minus(skipped);
    Set<String> kept =
        actions.stream()
            .map(RowAction::key)
            .filter(k -> !held.containsKey(k))
            .collect(Collectors.toSet());
    return new TablePlan(
        table,
        actions.stream().filter(a -> kept.contains(a.key())).toList(),
        allConflicts,
        processed,
        skipped,
        earlyDeletes.stream().filter(kept::contains).collect(Collectors.toSet()),
        parkedOf(kept),
        freedValuesOf(kept));
  }

  /** {@code rows} and, transitively, the rows taking a unique value that one of them frees. */
  private Map<String, Conflict> withTakersOf(Map<String, Conflict> rows) {
    Map<String, Conflict> held = new LinkedHashMap<>(rows);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (FreedValue freed : freedValues) {
        if (held.containsKey(freed.holderKey()) && !held.containsKey(freed.takerKey())) {
          held.put(
              freed.takerKey(),
              new Conflict(
                  table.name().name(),
                  KeyCodec.asMap(table, freed.takerKey()),
                  ConflictKind.UNIQUE,
                  "takes "
                      + freed.value()
                      + ", which row "
                      + KeyCodec.asMap(table, freed.holderKey())
                      + " frees, but that row's change is held back"));
          grew = true;
        }
      }
    }
    return held;
  }

  /** The parked rows whose own row action is among {@code actionKeys}. */
  Map<String, List<Key>> parkedOf(Set<String> actionKeys) {
    Map<String, String> movedTo = new HashMap<>();
    actions.stream()
        .filter(a -> a.kind() == RowAction.Kind.MOVE)
        .forEach(a -> movedTo.put(a.fromKey(), a.key()));
    Map<String, List<Key>> kept = new LinkedHashMap<>();
    parked.forEach(
        (key, keys) -> {
          if (actionKeys.contains(movedTo.getOrDefault(key, key))) {
            kept.put(key, keys);
          }
        });
    return kept;
  }

  /** The freed values whose taker and holder are both among {@code actionKeys}. */
  List<FreedValue> freedValuesOf(Set<String> actionKeys) {
    return freedValues.stream()
        .filter(f -> actionKeys.contains(f.takerKey()) && actionKeys.contains(f.holderKey()))
        .toList();
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
