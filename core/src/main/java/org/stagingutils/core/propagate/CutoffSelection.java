// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagingutils.core.dialect.Dialect;
import org.stagingutils.core.metadata.StagedSchema;
import org.stagingutils.core.metadata.TableMetadata;
import org.stagingutils.core.propagate.PendingReferences.Reference;

/**
 * Narrows a full plan to the rows whose last change was captured before the cutoff ({@code
 * --before}). A row that waits holds back, transitively, the selected changes that cannot be
 * written without its own: those of rows that reference it while production lacks it (it is
 * inserted or gets a new key), the deletes and key changes of rows it still references in
 * production, those that take a unique value it frees, and those of rows that share a change (a key
 * change) with it.
 */
final class CutoffSelection {
  private static final Logger LOG = LoggerFactory.getLogger(CutoffSelection.class);

  private final PendingReferences pending;
  private final ProductionCascade cascade;

  CutoffSelection(Dialect dialect, StagedSchema schema, int batchSize) {
    this.pending = new PendingReferences(dialect, schema, batchSize);
    this.cascade = new ProductionCascade(dialect, schema, batchSize);
  }

  /**
   * Keeps only the rows whose last change was captured before {@code before} ({@code captureTimes}
   * holds the capture time of each row's last log row): a row also changed later waits whole, so
   * production never gets a state that mixes both sides of the cutoff.
   *
   * @param heldBack rows that wait whatever their capture time: those an earlier planning of the
   *     selection found would write a waiting row (see {@link #holdBackReplacesReaching})
   * @return the selected keys by table
   */
  Map<TableMetadata, Set<String>> select(
      Map<TableMetadata, TablePlan> plans,
      Map<TableMetadata, TableChanges> changes,
      Map<Long, Instant> captureTimes,
      Instant before,
      Map<TableMetadata, Set<String>> heldBack,
      Connection snapshot,
      Connection production)
      throws SQLException {
    Map<TableMetadata, Set<String>> selected =
        TableChanges.dirtyKeysWhere(
            changes,
            (tableChanges, key) -> {
              OptionalLong last = tableChanges.lastLogId(key);
              // a row only a cascade removes has no change of its own to wait for
              return last.isEmpty() || capturedAt(captureTimes, last.getAsLong()).isBefore(before);
            });
    heldBack.forEach(
        (table, keys) -> selected.getOrDefault(table, new HashSet<>()).removeAll(keys));
    List<Reference> toNewRows = toNewRows(plans, pending.references(plans, snapshot));
    List<Reference> stillReferenced = pending.referencedInProduction(plans, changes, production);
    Map<TableMetadata, LinkedKeys> links = LinkedKeys.byTable(changes);
    boolean dropped = true;
    while (dropped) {
      dropped =
          holdBackTakers(plans, selected)
              | holdBackReferenced(stillReferenced, selected)
              | holdBackReferencing(toNewRows, selected)
              | holdBackLinked(links, selected);
    }
    return selected;
  }

  /**
   * Adds to {@code heldBack} the selected rows whose replace (an early delete) cascades away, in
   * production, rows that the plan of the selection writes again although their own changes wait
   * ({@code outside}): the plan would write those rows as staging has them now, later changes
   * included. On MariaDB a replace's cascade can reach rows the full plan never touches.
   *
   * @param partialPlans the plans of the selected rows alone
   * @return whether {@code heldBack} grew; if not, holding back cannot help
   */
  boolean holdBackReplacesReaching(
      Map<TableMetadata, TablePlan> partialPlans,
      Map<TableMetadata, Set<String>> outside,
      Map<TableMetadata, Set<String>> heldBack,
      Connection production)
      throws SQLException {
    Map<TableMetadata, Set<String>> replaced = new HashMap<>();
    partialPlans.forEach(
        (table, plan) ->
            plan.earlyDeleteActions()
                .forEach(a -> replaced.computeIfAbsent(table, t -> new HashSet<>()).add(a.key())));
    boolean grew = false;
    for (ProductionCascade.Reached row : cascade.reached(replaced, production)) {
      if (outside.getOrDefault(row.table(), Set.of()).contains(row.key())
          && heldBack.computeIfAbsent(row.root(), t -> new HashSet<>()).add(row.rootKey())) {
        grew = true;
        LOG.info(
            "{} {} waits: replacing it would cascade away {} {} in production, which changes later",
            row.root().name(),
            KeyCodec.asMap(row.root(), row.rootKey()),
            row.table().name(),
            KeyCodec.asMap(row.table(), row.key()));
      }
    }
    return grew;
  }

  /**
   * Drops the selected keys linked to one that waits (see {@link LinkedKeys}).
   *
   * @return whether anything was dropped
   */
  private static boolean holdBackLinked(
      Map<TableMetadata, LinkedKeys> links, Map<TableMetadata, Set<String>> selected) {
    boolean dropped = false;
    for (var entry : links.entrySet()) {
      Set<String> keys = selected.get(entry.getKey());
      for (List<String> group : entry.getValue().groups()) {
        if (!keys.containsAll(group) && group.stream().anyMatch(keys::contains)) {
          group.forEach(keys::remove);
          dropped = true;
          LOG.info(
              "{} {} wait together: they share a change, and one of them changes later",
              entry.getKey().name(),
              group.stream().map(k -> KeyCodec.asMap(entry.getKey(), k)).toList());
        }
      }
    }
    return dropped;
  }

  /** The references to a row that production lacks until its change comes: an insert, a move. */
  private static List<Reference> toNewRows(
      Map<TableMetadata, TablePlan> plans, List<Reference> references) {
    Map<TableMetadata, Set<String>> created = new HashMap<>();
    plans.forEach(
        (table, plan) ->
            created.put(
                table,
                plan.actions().stream()
                    .filter(
                        a -> a.kind() == RowAction.Kind.INSERT || a.kind() == RowAction.Kind.MOVE)
                    .map(RowAction::key)
                    .collect(java.util.stream.Collectors.toSet())));
    return references.stream()
        .filter(ref -> created.getOrDefault(ref.parent(), Set.of()).contains(ref.parentKey()))
        .toList();
  }

  /**
   * Drops the selected rows that reference a new row whose change waits (see {@link #toNewRows}):
   * written alone they would fail on the foreign key.
   *
   * @return whether anything was dropped
   */
  private static boolean holdBackReferencing(
      List<Reference> toNewRows, Map<TableMetadata, Set<String>> selected) {
    boolean dropped = false;
    for (Reference ref : toNewRows) {
      if (selected.get(ref.child()).contains(ref.childKey())
          && !selected.get(ref.parent()).contains(ref.parentKey())) {
        selected.get(ref.child()).remove(ref.childKey());
        dropped = true;
        LOG.info(
            "{} {} waits: it references {} {}, which changes later",
            ref.child().name(),
            KeyCodec.asMap(ref.child(), ref.childKey()),
            ref.parent().name(),
            KeyCodec.asMap(ref.parent(), ref.parentKey()));
      }
    }
    return dropped;
  }

  /**
   * Drops the selected deletes and key changes of rows that a production row still references whose
   * own pending change waits: without that change the delete or the move would fail on the foreign
   * key, or cascade away a row staging keeps.
   *
   * @return whether anything was dropped
   */
  private static boolean holdBackReferenced(
      List<Reference> stillReferenced, Map<TableMetadata, Set<String>> selected) {
    boolean dropped = false;
    for (Reference ref : stillReferenced) {
      if (selected.get(ref.parent()).contains(ref.parentKey())
          && !selected.get(ref.child()).contains(ref.childKey())) {
        selected.get(ref.parent()).remove(ref.parentKey());
        dropped = true;
        LOG.info(
            "{} {} waits: {} {} {} in production and changes later",
            ref.parent().name(),
            KeyCodec.asMap(ref.parent(), ref.parentKey()),
            ref.child().name(),
            KeyCodec.asMap(ref.child(), ref.childKey()),
            ref.throughCascade()
                ? "hangs from it through cascading foreign keys"
                : "still references it");
      }
    }
    return dropped;
  }

  private static Instant capturedAt(Map<Long, Instant> captureTimes, long logId) {
    Instant captured = captureTimes.get(logId);
    if (captured == null) {
      throw new IllegalStateException("no capture time read for change-log row " + logId);
    }
    return captured;
  }

  /**
   * Drops, transitively, the selected rows that take a unique value an unselected row frees:
   * written alone they would collide in production with that row, so they wait for it.
   *
   * @return whether anything was dropped
   */
  private static boolean holdBackTakers(
      Map<TableMetadata, TablePlan> plans, Map<TableMetadata, Set<String>> selected) {
    boolean droppedAny = false;
    boolean dropped = true;
    while (dropped) {
      dropped = false;
      for (TablePlan plan : plans.values()) {
        Set<String> keys = selected.get(plan.table());
        for (FreedValue freed : plan.freedValues()) {
          if (keys.contains(freed.takerKey()) && !keys.contains(freed.holderKey())) {
            keys.remove(freed.takerKey());
            dropped = true;
            droppedAny = true;
            LOG.info(
                "{} {} waits: it takes {}, which a later change of {} frees",
                plan.table().name(),
                KeyCodec.asMap(plan.table(), freed.takerKey()),
                freed.value(),
                KeyCodec.asMap(plan.table(), freed.holderKey()));
          }
        }
      }
    }
    return droppedAny;
  }
}
