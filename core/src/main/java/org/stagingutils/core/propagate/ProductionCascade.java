// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stagingutils.core.dialect.Dialect;
import org.stagingutils.core.metadata.ForeignKey;
import org.stagingutils.core.metadata.StagedSchema;
import org.stagingutils.core.metadata.TableMetadata;

/**
 * Follows, in production, the cascading foreign keys between staged tables down from rows a delete
 * removes, to the rows the delete takes along beyond those that reference it directly. Where
 * cascades go unlogged (MariaDB) the log knows nothing of the rows in between, so a row further
 * down whose own pending change moved it out from under them is found only here.
 */
final class ProductionCascade {
  /**
   * A row the cascade reaches, and the deleted row it hangs from.
   *
   * @param depth 1 for a row referencing the deleted row itself, 2 for one referencing such a row
   */
  record Reached(TableMetadata table, String key, TableMetadata root, String rootKey, int depth) {}

  private record Root(TableMetadata table, String key) {}

  private final Dialect dialect;
  private final StagedSchema schema;
  private final int batchSize;

  ProductionCascade(Dialect dialect, StagedSchema schema, int batchSize) {
    this.dialect = dialect;
    this.schema = schema;
    this.batchSize = batchSize;
  }

  /**
   * The production rows of staged tables that the delete of {@code deleted} takes along two or more
   * steps down (the first step, a row referencing a deleted row itself, the caller knows already).
   *
   * @param deleted production keys by staging table
   */
  List<Reached> below(Map<TableMetadata, Set<String>> deleted, Connection production)
      throws SQLException {
    return reached(deleted, production).stream().filter(r -> r.depth() > 1).toList();
  }

  /**
   * Every production row of a staged table that the delete of {@code deleted} takes along.
   *
   * @param deleted production keys by staging table
   */
  List<Reached> reached(Map<TableMetadata, Set<String>> deleted, Connection production)
      throws SQLException {
    List<Reached> reached = new ArrayList<>();
    Map<TableMetadata, Map<String, Set<Root>>> seen = new HashMap<>();
    Map<TableMetadata, Map<String, Set<Root>>> frontier = new LinkedHashMap<>();
    deleted.forEach(
        (table, keys) ->
            keys.forEach(key -> add(frontier, seen, table, key, Set.of(new Root(table, key)))));
    int depth = 0;
    while (!frontier.isEmpty()) {
      depth++;
      Map<TableMetadata, Map<String, Set<Root>>> next = new LinkedHashMap<>();
      for (var parent : frontier.entrySet()) {
        for (TableMetadata child : schema.staging()) {
          for (ForeignKey fk : cascadingTo(child, parent.getKey())) {
            Map<String, Set<Root>> roots = parent.getValue();
            new ProductionReferences(dialect, schema.productionTable(child), batchSize)
                .find(
                    fk,
                    List.copyOf(roots.keySet()),
                    production,
                    (childKey, parentKey) ->
                        add(next, seen, child, childKey, roots.getOrDefault(parentKey, Set.of())));
          }
        }
      }
      int step = depth;
      next.forEach(
          (table, rows) ->
              rows.forEach(
                  (key, roots) ->
                      roots.forEach(
                          root ->
                              reached.add(
                                  new Reached(table, key, root.table(), root.key(), step)))));
      frontier.clear();
      frontier.putAll(next);
    }
    return reached;
  }

  private static List<ForeignKey> cascadingTo(TableMetadata child, TableMetadata parent) {
    if (child.captureKey().isEmpty()) {
      return List.of();
    }
    return child.foreignKeys().stream()
        .filter(ForeignKey::cascadesDeletes)
        .filter(fk -> fk.referencedTable().name().equals(parent.name().name()))
        .filter(fk -> fk.referencedColumns().equals(parent.captureKey().orElseThrow().columns()))
        .toList();
  }

  /** Adds to {@code into} the roots not yet seen for the row: a row is followed once per root. */
  private static void add(
      Map<TableMetadata, Map<String, Set<Root>>> into,
      Map<TableMetadata, Map<String, Set<Root>>> seen,
      TableMetadata table,
      String key,
      Set<Root> roots) {
    Set<Root> known =
        seen.computeIfAbsent(table, t -> new HashMap<>())
            .computeIfAbsent(key, k -> new HashSet<>());
    for (Root root : roots) {
      if (known.add(root)) {
        into.computeIfAbsent(table, t -> new LinkedHashMap<>())
            .computeIfAbsent(key, k -> new HashSet<>())
            .add(root);
      }
    }
  }
}
