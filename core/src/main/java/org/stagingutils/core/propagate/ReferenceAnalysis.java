// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stagingutils.core.dialect.Dialect;
import org.stagingutils.core.metadata.ForeignKey;
import org.stagingutils.core.metadata.MetadataReader;
import org.stagingutils.core.metadata.StagedSchema;
import org.stagingutils.core.metadata.TableMetadata;

/**
 * Finds, before anything is written, the rows whose foreign keys production could not satisfy: a
 * pending row referencing a staged row that production lacks and this run does not create, and a
 * pending delete of a row that tables outside the staged set still reference in production (order
 * lines referencing a product): such a delete would fail, or cascade into live operational data.
 */
final class ReferenceAnalysis {
  private final Dialect dialect;
  private final StagedSchema schema;
  private final int batchSize;

  ReferenceAnalysis(Dialect dialect, StagedSchema schema, int batchSize) {
    this.dialect = dialect;
    this.schema = schema;
    this.batchSize = batchSize;
  }

  /** Conflicts per staging table, by the key of the row that cannot be written. */
  Map<TableMetadata, Map<String, Conflict>> find(
      Map<TableMetadata, TablePlan> plans,
      CascadeClosure cascades,
      Connection snapshot,
      Connection production)
      throws SQLException {
    Map<TableMetadata, Map<String, Conflict>> conflicts = new LinkedHashMap<>();
    Map<String, TableMetadata> staged = new HashMap<>();
    schema.staging().forEach(t -> staged.put(t.name().name(), t));
    for (TablePlan plan : plans.values()) {
      Map<String, Conflict> found = new LinkedHashMap<>();
      missingParents(plan, plans, staged, snapshot, production, found);
      referencedDeletes(plan, staged, production, found);
      referencedOldKeys(plan, plans, staged, cascades, production, found);
      if (!found.isEmpty()) {
        conflicts.put(plan.table(), found);
      }
    }
    return conflicts;
  }

  private void missingParents(
      TablePlan plan,
      Map<TableMetadata, TablePlan> plans,
      Map<String, TableMetadata> staged,
      Connection snapshot,
      Connection production,
      Map<String, Conflict> found)
      throws SQLException {
    TableMetadata child = plan.table();
    List<String> upserts =
        plan.actions().stream()
            .filter(a -> a.kind() != RowAction.Kind.DELETE)
            .map(RowAction::key)
            .toList();
    if (upserts.isEmpty()) {
      return;
    }
    for (ForeignKey fk : child.foreignKeys()) {
      TableMetadata parent = staged.get(fk.referencedTable().name());
      if (parent == null
          || !fk.referencedColumns().equals(parent.captureKey().orElseThrow().columns())) {
        continue;
      }
      Map<String, String> parentOf = new LinkedHashMap<>();
      new RowFetcher(dialect, child, batchSize)
          .evaluate(
              snapshot,
              upserts,
              List.of(dialect.columnsJson(child, fk.columns(), "t")),
              (key, values) -> {
                if (values[0] != null && !KeyCodec.texts(values[0]).contains(null)) {
                  parentOf.put(key, values[0]);
                }
              });
      if (parentOf.isEmpty()) {
        continue;
      }
      TablePlan parentPlan = plans.get(parent);
      Set<String> created = new HashSet<>();
      Set<String> deleted = new HashSet<>();
      if (parentPlan != null) {
        parentPlan
            .actions()
            .forEach(a -> (a.kind() == RowAction.Kind.DELETE ? deleted : created).add(a.key()));
      }
      Set<String> inProduction = new HashSet<>();
      new RowFetcher(dialect, schema.productionTable(parent), batchSize)
          .evaluate(
              production,
              new HashSet<>(parentOf.values()),
              List.of(),
              (key, v) -> inProduction.add(key));
      parentOf.forEach(
          (childKey, parentKey) -> {
            boolean exists =
                created.contains(parentKey)
                    || inProduction.contains(parentKey) && !deleted.contains(parentKey);
            if (!exists) {
              found.putIfAbsent(
                  childKey,
                  new Conflict(
                      child.name().name(),
                      KeyCodec.asMap(child, childKey),
                      ConflictKind.REFERENCE,
                      "references "
                          + parent.name().name()
                          + " "
                          + KeyCodec.asMap(parent, parentKey)
                          + ", which production lacks and no pending change creates"));
            }
          });
    }
  }

  private void referencedDeletes(
      TablePlan plan,
      Map<String, TableMetadata> staged,
      Connection production,
      Map<String, Conflict> found)
      throws SQLException {
    List<String> deletes =
        plan.actions().stream()
            .filter(a -> a.kind() == RowAction.Kind.DELETE || a.kind() == RowAction.Kind.REPLACE)
            .map(RowAction::key)
            .toList();
    if (deletes.isEmpty()) {
      return;
    }
    TableMetadata parent = schema.productionTable(plan.table());
    MetadataReader reader = new MetadataReader(production, dialect);
    for (ForeignKey fk : reader.referencingForeignKeys(parent.name())) {
      // Staged children follow staging's own cascades and edits; only the others can be harmed.
      if (staged.containsKey(fk.table().name())
          || !fk.referencedColumns().equals(parent.captureKey().orElseThrow().columns())) {
        continue;
      }
      TableMetadata child = reader.read(fk.table());
      Map<String, Integer> children = countReferences(child, fk, deletes, production, k -> true);
      children.forEach(
          (parentKey, count) ->
              found.putIfAbsent(
                  parentKey,
                  new Conflict(
                      plan.table().name().name(),
                      KeyCodec.asMap(plan.table(), parentKey),
                      ConflictKind.REFERENCE,
                      "staging deletes this row, but "
                          + count
                          + " row(s) of "
                          + child.name().name()
                          + " still reference it in production"
                          + (fk.cascadesDeletes()
                              ? " and would be deleted by the cascade"
                              : fk.deleteRule() == DatabaseMetaData.importedKeySetNull
                                  ? " and would lose the reference"
                                  : "")
                          + " (foreign key "
                          + fk.name()
                          + ")")));
    }
  }

  /**
   * A row moved to a new key in place takes rows referencing it through {@code ON UPDATE CASCADE}
   * along; any other production row still pointing at its old key makes the move fail, unless this
   * run deletes or changes that row first, or an early delete's cascade takes it: one inserted in
   * production meanwhile (an order line, a placement staging never saw) is a conflict of the moved
   * row.
   */
  private void referencedOldKeys(
      TablePlan plan,
      Map<TableMetadata, TablePlan> plans,
      Map<String, TableMetadata> staged,
      CascadeClosure cascades,
      Connection production,
      Map<String, Conflict> found)
      throws SQLException {
    Map<String, String> movedTo = new LinkedHashMap<>();
    plan.actions().stream()
        .filter(a -> a.kind() == RowAction.Kind.MOVE)
        .forEach(a -> movedTo.put(a.fromKey(), a.key()));
    if (movedTo.isEmpty()) {
      return;
    }
    TableMetadata parent = schema.productionTable(plan.table());
    MetadataReader reader = new MetadataReader(production, dialect);
    for (ForeignKey fk : reader.referencingForeignKeys(parent.name())) {
      if (fk.updateRule() == DatabaseMetaData.importedKeyCascade
          || !fk.referencedColumns().equals(parent.captureKey().orElseThrow().columns())) {
        continue;
      }
      Set<String> handled = rowsThisRunChanges(plans.get(staged.get(fk.table().name())));
      TableMetadata child = reader.read(fk.table());
      handled.addAll(cascades.goneBeforeUpserts(child));
      Map<String, Integer> counts =
          countReferences(
              child, fk, List.copyOf(movedTo.keySet()), production, k -> !handled.contains(k));
      counts.forEach(
          (oldKey, count) ->
              found.putIfAbsent(
                  movedTo.get(oldKey),
                  new Conflict(
                      plan.table().name().name(),
                      KeyCodec.asMap(plan.table(), movedTo.get(oldKey)),
                      ConflictKind.REFERENCE,
                      "staging gives this row a new key, but "
                          + count
                          + " row(s) of "
                          + child.name().name()
                          + " still reference its old key "
                          + KeyCodec.asMap(plan.table(), oldKey)
                          + " in production (foreign key "
                          + fk.name()
                          + ")")));
    }
  }

  /** Production keys of the rows {@code plan} deletes, replaces or moves away: none without one. */
  private static Set<String> rowsThisRunChanges(TablePlan plan) {
    Set<String> keys = new HashSet<>();
    if (plan != null) {
      for (RowAction action : plan.actions()) {
        keys.add(action.kind() == RowAction.Kind.MOVE ? action.fromKey() : action.key());
      }
    }
    return keys;
  }

  /**
   * How many production rows of {@code child} reference each of the keys, by key, counting only the
   * rows whose own key {@code counted} accepts.
   */
  private Map<String, Integer> countReferences(
      TableMetadata child,
      ForeignKey fk,
      List<String> parentKeys,
      Connection production,
      java.util.function.Predicate<String> counted)
      throws SQLException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    new ProductionReferences(dialect, child, batchSize)
        .find(
            fk,
            parentKeys,
            production,
            (childKey, parentKey) -> {
              if (counted.test(childKey)) {
                counts.merge(parentKey, 1, Integer::sum);
              }
            });
    return counts;
  }
}
