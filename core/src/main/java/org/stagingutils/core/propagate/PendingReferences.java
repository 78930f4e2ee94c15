// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stagingutils.core.dialect.Dialect;
import org.stagingutils.core.metadata.ForeignKey;
import org.stagingutils.core.metadata.StagedSchema;
import org.stagingutils.core.metadata.TableMetadata;

/**
 * The foreign-key references between pending rows that a run taking only part of the pending
 * changes ({@code --before}, change sets) must respect: staging's, from a pending upsert to another
 * pending row, and production's, to a row some pending change deletes or gives a new key.
 */
final class PendingReferences {
  /**
   * A pending row's reference to a pending row of a staged table.
   *
   * @param change for a production row's reference: what the parent's pending change does to the
   *     row referenced ("deletes", "gives a new key"); null for staging's references
   * @param throughCascade whether the production row hangs from the parent through other rows,
   *     which the parent's delete takes along by cascading foreign keys
   */
  record Reference(
      TableMetadata child,
      String childKey,
      TableMetadata parent,
      String parentKey,
      String change,
      boolean throughCascade) {}

  private final Dialect dialect;
  private final StagedSchema schema;
  private final int batchSize;
  private final ProductionCascade cascade;

  PendingReferences(Dialect dialect, StagedSchema schema, int batchSize) {
    this.dialect = dialect;
    this.schema = schema;
    this.batchSize = batchSize;
    this.cascade = new ProductionCascade(dialect, schema, batchSize);
  }

  /**
   * Production rows of pending staged tables that reference a row some pending change deletes or
   * gives a new key, where the referencing row has a pending change of its own: propagating the
   * delete or the key change without that change would fail on the foreign key, or cascade a row
   * staging keeps. A deleted row's production rows further down its cascade count too: where
   * cascades go unlogged, the rows in between may have no log row at all.
   */
  List<Reference> referencedInProduction(
      Map<TableMetadata, TablePlan> plans,
      Map<TableMetadata, TableChanges> changes,
      Connection production)
      throws SQLException {
    List<Reference> references = new ArrayList<>();
    for (TablePlan parentPlan : plans.values()) {
      TableMetadata parent = parentPlan.table();
      // by the key production has now: the row's own key, or where a key change moves it from
      Map<String, RowAction> changed = new HashMap<>();
      for (RowAction action : parentPlan.actions()) {
        if (action.kind() == RowAction.Kind.DELETE) {
          changed.put(action.key(), action);
        } else if (action.kind() == RowAction.Kind.MOVE) {
          changed.put(action.fromKey(), action);
        }
      }
      if (changed.isEmpty()) {
        continue;
      }
      List<String> productionKeys = List.copyOf(changed.keySet());
      for (TableMetadata child : plans.keySet()) {
        for (ForeignKey fk : child.foreignKeys()) {
          if (!fk.referencedTable().name().equals(parent.name().name())
              || !fk.referencedColumns().equals(parent.captureKey().orElseThrow().columns())) {
            continue;
          }
          TableChanges childChanges = changes.get(child);
          new ProductionReferences(dialect, schema.productionTable(child), batchSize)
              .find(
                  fk,
                  productionKeys,
                  production,
                  (childKey, parentKey) -> {
                    RowAction action = changed.get(parentKey);
                    if (action != null && childChanges.dirtyKeys().contains(childKey)) {
                      references.add(
                          new Reference(
                              child,
                              childKey,
                              parent,
                              action.key(),
                              action.kind() == RowAction.Kind.MOVE ? "gives a new key" : "deletes",
                              false));
                    }
                  });
        }
      }
    }
    references.addAll(cascadedWithChanges(plans, changes, production));
    return references;
  }

  private List<Reference> cascadedWithChanges(
      Map<TableMetadata, TablePlan> plans,
      Map<TableMetadata, TableChanges> changes,
      Connection production)
      throws SQLException {
    Map<TableMetadata, Set<String>> deleted = new HashMap<>();
    plans.forEach(
        (table, plan) ->
            plan.actions().stream()
                .filter(a -> a.kind() == RowAction.Kind.DELETE)
                .forEach(a -> deleted.computeIfAbsent(table, t -> new HashSet<>()).add(a.key())));
    List<Reference> references = new ArrayList<>();
    if (deleted.isEmpty()) {
      return references;
    }
    for (ProductionCascade.Reached row : cascade.below(deleted, production)) {
      TableChanges rowChanges = changes.get(row.table());
      if (rowChanges != null && rowChanges.dirtyKeys().contains(row.key())) {
        references.add(
            new Reference(row.table(), row.key(), row.root(), row.rootKey(), "deletes", true));
      }
    }
    return references;
  }

  /** Pending upserts' foreign-key values that point at another pending row's key. */
  List<Reference> references(Map<TableMetadata, TablePlan> plans, Connection snapshot)
      throws SQLException {
    Map<String, TableMetadata> byName = new HashMap<>();
    plans.keySet().forEach(t -> byName.put(t.name().name(), t));
    List<Reference> references = new ArrayList<>();
    for (TablePlan plan : plans.values()) {
      TableMetadata child = plan.table();
      List<ForeignKey> fks =
          child.foreignKeys().stream()
              .filter(fk -> byName.containsKey(fk.referencedTable().name()))
              .filter(
                  fk ->
                      fk.referencedColumns()
                          .equals(
                              byName
                                  .get(fk.referencedTable().name())
                                  .captureKey()
                                  .orElseThrow()
                                  .columns()))
              .toList();
      List<String> upserts =
          plan.actions().stream().filter(a -> isUpsert(a)).map(RowAction::key).toList();
      if (fks.isEmpty() || upserts.isEmpty()) {
        continue;
      }
      List<String> expressions =
          fks.stream().map(fk -> dialect.columnsJson(child, fk.columns(), "t")).toList();
      new RowFetcher(dialect, child, batchSize)
          .evaluate(
              snapshot,
              upserts,
              expressions,
              (key, values) -> {
                for (int i = 0; i < fks.size(); i++) {
                  TableMetadata parent = byName.get(fks.get(i).referencedTable().name());
                  if (values[i] != null && !KeyCodec.texts(values[i]).contains(null)) {
                    references.add(new Reference(child, key, parent, values[i], null, false));
                  }
                }
              });
    }
    return references;
  }

  static boolean isUpsert(RowAction action) {
    return action != null && action.kind() != RowAction.Kind.DELETE;
  }
}
