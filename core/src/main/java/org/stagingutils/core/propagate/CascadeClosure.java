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
import org.stagingutils.core.metadata.TableMetadata;

/**
 * The production rows that this run's early deletes (replaced rows, rows freeing a unique value)
 * cascade away before the upserts: they count as already gone when their table is planned, so the
 * ones staging still has are written again instead of updated where nothing is left. Parents are
 * planned before children, so each table finds the closure of the tables above it, and its own
 * through self-references. It also knows which rows hang from this run's late deletes, which on
 * MariaDB tells a row the unlogged cascade took in staging from one inserted in production.
 */
final class CascadeClosure {
  private final Dialect dialect;
  private final int batchSize;
  private final Map<String, Set<String>> replaced = new HashMap<>();
  private final Map<String, Set<String>> deleted = new HashMap<>();
  private final Map<String, Set<String>> movedAway = new HashMap<>();
  private final Map<String, Set<String>> deletedOnTheWay = new HashMap<>();

  /** For a partial run's second planning: the closure of the planning of every pending row. */
  private final CascadeClosure full;

  CascadeClosure(Dialect dialect, int batchSize) {
    this(dialect, batchSize, null);
  }

  private CascadeClosure(Dialect dialect, int batchSize, CascadeClosure full) {
    this.dialect = dialect;
    this.batchSize = batchSize;
    this.full = full;
  }

  /**
   * A closure for the second planning of a partial run (see {@code StagingPropagation}), which
   * knows every row the pending changes delete, for good or on the way to a new row at the same
   * key: on MariaDB a row that staging lost in such a delete's unlogged cascade is still known as
   * lost when the delete itself waits.
   */
  CascadeClosure forPartialRun() {
    CascadeClosure partial = new CascadeClosure(dialect, batchSize, this);
    for (Map<String, Set<String>> source : List.of(deleted, deletedOnTheWay)) {
      source.forEach(
          (table, keys) ->
              partial.deleted.computeIfAbsent(table, k -> new HashSet<>()).addAll(keys));
    }
    return partial;
  }

  /**
   * Whether, in a partial run's second planning, {@code table} would be planned from the same
   * cascades as in the planning of every pending row: every other table it references was planned
   * already, and deletes, replaces and moves the same rows of it. A table the run takes whole then
   * plans as it did (its plan reads nothing else of the other tables), so that plan can be kept.
   *
   * @param notYetPlanned the staged tables this planning has still to plan, by stored name
   */
  boolean plansAsInFullRun(TableMetadata table, Set<String> notYetPlanned) {
    if (full == null) {
      return false;
    }
    for (ForeignKey fk : table.foreignKeys()) {
      String parent = fk.referencedTable().name();
      if (fk.selfReferencing()) {
        continue;
      }
      if (notYetPlanned.contains(parent)) {
        // a cycle: the full planning saw this parent's changes at another stage
        return false;
      }
      if (!sameKeys(replaced, full.replaced, parent)
          || !sameKeys(movedAway, full.movedAway, parent)
          || !sameKeys(deleted, full.deleted, parent)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameKeys(
      Map<String, Set<String>> mine, Map<String, Set<String>> theirs, String table) {
    return mine.getOrDefault(table, Set.of()).equals(theirs.getOrDefault(table, Set.of()));
  }

  /**
   * Records what the full planning's plan of {@code table}, kept for this partial run, deletes,
   * replaces and moves, as planning it again would have (see {@link #plansAsInFullRun}).
   */
  void keptFromFullRun(TableMetadata table) {
    String name = table.name().name();
    replaced(table, full.replaced.getOrDefault(name, Set.of()));
    movedAway(table, full.movedAway.getOrDefault(name, Set.of()));
    deleted(table, full.deleted.getOrDefault(name, Set.of()));
    deletedOnTheWay(table, full.deletedOnTheWay.getOrDefault(name, Set.of()));
  }

  /** Records production keys of {@code table} that this run deletes before any upsert. */
  void replaced(TableMetadata table, Set<String> keys) {
    if (!keys.isEmpty()) {
      replaced.computeIfAbsent(table.name().name(), k -> new HashSet<>()).addAll(keys);
    }
  }

  /**
   * Production keys of {@code table} gone before the upserts: deleted early, or taken along by the
   * cascade of an early delete.
   */
  Set<String> goneBeforeUpserts(TableMetadata table) {
    return replaced.getOrDefault(table.name().name(), Set.of());
  }

  /**
   * Records production keys of {@code table} that this run deletes after the upserts (in a partial
   * run: that the pending changes delete).
   */
  void deleted(TableMetadata table, Set<String> keys) {
    if (!keys.isEmpty()) {
      deleted.computeIfAbsent(table.name().name(), k -> new HashSet<>()).addAll(keys);
    }
  }

  /**
   * Records keys of {@code table} whose row staging deleted at some point of the pending changes,
   * whatever came to the key afterwards: where cascades go unlogged, that delete took the rows
   * hanging from it in staging. Only a partial run's second planning reads them (see {@link
   * #forPartialRun}); the full plan replaces such rows, and its early delete cascades.
   */
  void deletedOnTheWay(TableMetadata table, Set<String> keys) {
    if (!keys.isEmpty()) {
      deletedOnTheWay.computeIfAbsent(table.name().name(), k -> new HashSet<>()).addAll(keys);
    }
  }

  /** Records production keys of {@code table} whose rows this run moves to another key in place. */
  void movedAway(TableMetadata table, Set<String> keys) {
    if (!keys.isEmpty()) {
      movedAway.computeIfAbsent(table.name().name(), k -> new HashSet<>()).addAll(keys);
    }
  }

  /**
   * Production keys of {@code productionTable} whose rows reference, through any foreign key, a row
   * this run moves to another key. Staging let the row move, so its rows there no longer pointed at
   * it: production's must be gone or changed before the move, which comes first otherwise (parents
   * before children) and which the foreign key refuses.
   */
  Set<String> referencingMovedAway(TableMetadata productionTable, Connection production)
      throws SQLException {
    Set<String> referencing = new HashSet<>();
    for (ForeignKey fk : productionTable.foreignKeys()) {
      Set<String> parents = movedAway.getOrDefault(fk.referencedTable().name(), Set.of());
      if (!parents.isEmpty()) {
        referencing.addAll(referencing(productionTable, fk, parents, production));
      }
    }
    return referencing;
  }

  /**
   * Whether a cascade of this run may reach rows of {@code table}, or rows of it may stand in the
   * way of a key move: the log may say nothing of them.
   */
  boolean reaches(TableMetadata table) {
    return table.foreignKeys().stream()
        .anyMatch(
            fk ->
                fk.cascadesDeletes()
                        && !fk.selfReferencing()
                        && replaced.containsKey(fk.referencedTable().name())
                    || movedAway.containsKey(fk.referencedTable().name()));
  }

  /**
   * Production keys of {@code productionTable} hanging, through cascading foreign keys to other
   * tables, from rows this run deletes after the upserts: that delete takes them along.
   */
  Set<String> doomedRows(TableMetadata productionTable, Connection production) throws SQLException {
    Set<String> doomed = new HashSet<>();
    for (ForeignKey fk : productionTable.foreignKeys()) {
      Set<String> parents = deleted.getOrDefault(fk.referencedTable().name(), Set.of());
      if (fk.cascadesDeletes() && !fk.selfReferencing() && !parents.isEmpty()) {
        doomed.addAll(referencing(productionTable, fk, parents, production));
      }
    }
    return doomed;
  }

  /** Production keys of {@code productionTable} that cascades from replaced parents remove. */
  Set<String> cascadedRows(TableMetadata productionTable, Connection production)
      throws SQLException {
    Set<String> cascaded = new HashSet<>();
    String self = productionTable.name().name();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (ForeignKey fk : productionTable.foreignKeys()) {
        if (!fk.cascadesDeletes()) {
          continue;
        }
        Set<String> parents = replaced.getOrDefault(fk.referencedTable().name(), Set.of());
        if (parents.isEmpty() && !fk.selfReferencing()) {
          continue;
        }
        if (fk.selfReferencing()) {
          parents = new HashSet<>(parents);
          parents.addAll(cascaded);
        }
        for (String key : referencing(productionTable, fk, parents, production)) {
          grew |= cascaded.add(key) && fk.selfReferencing();
        }
      }
    }
    replaced(productionTable, cascaded);
    return cascaded;
  }

  /**
   * Production rows of {@code productionTable} that hang, through its cascading self-references and
   * transitively, from the {@code deleted} rows: in staging the cascade took them too, unlogged.
   */
  Set<String> selfCascade(TableMetadata productionTable, Set<String> deleted, Connection production)
      throws SQLException {
    Set<String> reached = new HashSet<>();
    Set<String> frontier = deleted;
    while (!frontier.isEmpty()) {
      Set<String> next = new HashSet<>();
      for (ForeignKey fk : productionTable.foreignKeys()) {
        if (fk.selfReferencing() && fk.cascadesDeletes()) {
          for (String key : referencing(productionTable, fk, frontier, production)) {
            if (reached.add(key)) {
              next.add(key);
            }
          }
        }
      }
      frontier = next;
    }
    return reached;
  }

  /** Production rows of {@code productionTable} directly below {@code parents} in its tree. */
  Set<String> selfChildren(
      TableMetadata productionTable, Set<String> parents, Connection production)
      throws SQLException {
    Set<String> children = new HashSet<>();
    for (ForeignKey fk : productionTable.foreignKeys()) {
      if (fk.selfReferencing() && fk.cascadesDeletes() && !parents.isEmpty()) {
        children.addAll(referencing(productionTable, fk, parents, production));
      }
    }
    return children;
  }

  private List<String> referencing(
      TableMetadata table, ForeignKey fk, Set<String> parentKeys, Connection production)
      throws SQLException {
    List<String> keys = new ArrayList<>();
    // The FK columns reference the parent's capture key in key order.
    TupleQuery.byKeyTexts(dialect, table, fk.columns(), batchSize)
        .select(
            production,
            dialect.keyJson(table, "t"),
            RowFetcher.texts(parentKeys),
            rs -> keys.add(rs.getString(1)));
    return keys;
  }
}
