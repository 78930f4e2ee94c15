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
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.stagingutils.core.dialect.Dialect;
import org.stagingutils.core.metadata.TableMetadata;

/**
 * Decides, for every row the change log mentions, what production must do: compare staging's row
 * (the desired state), production's row (the actual state) and the row staging started from (the
 * expected state). A row already as staging wants it needs nothing, which is what makes a re-run
 * after a crash clean.
 */
final class TablePlanner {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TablePlanner.class);
  private final Dialect dialect;
  private final int batchSize;
  private final ConflictPolicy policy;
  private final java.util.function.Predicate<TableMetadata> replaceDeleted;

  TablePlanner(Dialect dialect, int batchSize, ConflictPolicy policy) {
    this(dialect, batchSize, policy, t -> false);
  }

  /**
   * @param replaceDeleted tables whose deleted-and-re-inserted rows production must replace (their
   *     deletes cascade, and the log does not show what the cascade did)
   */
  TablePlanner(
      Dialect dialect,
      int batchSize,
      ConflictPolicy policy,
      java.util.function.Predicate<TableMetadata> replaceDeleted) {
    this.replaceDeleted = replaceDeleted;
    this.dialect = dialect;
    this.batchSize = batchSize;
    this.policy = policy;
  }

  /**
   * @param table the staging table
   * @param productionTable its production twin (on MariaDB the schema names the database, so
   *     production must be read through its own metadata)
   * @param cascades the run's cascades so far: rows that early deletes of parents will cascade away
   *     count as absent in production, and this table's early deletes are recorded for children
   */
  TablePlan plan(
      TableMetadata table,
      TableMetadata productionTable,
      TableChanges changes,
      Connection snapshot,
      Connection production,
      CascadeClosure cascades)
      throws SQLException {
    Set<String> cascaded = cascades.cascadedRows(productionTable, production);
    cascaded.forEach(changes::cascaded);
    Map<String, String> desired = new HashMap<>();
    Map<String, Object[]> uniqueValues = new HashMap<>();
    new RowFetcher(dialect, table, batchSize)
        .fetchImages(
            snapshot,
            changes.dirtyKeys(),
            UniqueCollisions.columns(table),
            row -> {
              desired.put(row.key(), row.image());
              uniqueValues.put(row.key(), row.values());
            });
    Map<String, String> actual =
        images(new RowFetcher(dialect, productionTable, batchSize), production, changes);

    Map<String, String> have = new HashMap<>();
    for (String key : changes.dirtyKeys()) {
      have.put(
          key,
          cascaded.contains(key)
              ? TableChanges.ABSENT
              : actual.getOrDefault(key, TableChanges.ABSENT));
    }
    boolean unlogged = !dialect.capturesCascadedChanges();
    Set<String> doomed = unlogged ? cascades.doomedRows(productionTable, production) : Set.of();
    Set<String> descendants =
        !unlogged
            ? Set.of()
            : new SelfCascadeReplacements(cascades, productionTable, production)
                .find(
                    replacedRows(table, changes, desired, have),
                    deletedRows(changes, desired, have),
                    desired,
                    changes,
                    keys -> {
                      Set<String> unknown = new HashSet<>(keys);
                      unknown.removeAll(changes.dirtyKeys());
                      fetchUnlogged(table, unknown, changes, desired, uniqueValues, have, snapshot);
                      Set<String> existing = new HashSet<>(keys);
                      existing.retainAll(desired.keySet());
                      return existing;
                    });

    Map<String, RowAction> actions = new LinkedHashMap<>();
    List<Conflict> conflicts = new ArrayList<>();
    Set<String> skippedKeys = new HashSet<>();
    for (String key : changes.dirtyKeys()) {
      String want = desired.getOrDefault(key, TableChanges.ABSENT);
      String actualRow = have.get(key);
      String expected = changes.expected(key);
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "{} {}: staging {} production {} expected {}",
            table.name(),
            key,
            want,
            actualRow,
            expected);
      }
      // Rows a delete of this run takes along in production before the upserts, which must be
      // written again: checked before the equal-row shortcut below, which would leave them to it.
      // A conflict only where production's row differs from both staging's and the session start.
      RowAction.Kind rewrite = null;
      String compared = want;
      if (descendants.contains(key)) {
        // A delete of this run cascades it away in production first, as it did in staging.
        rewrite = RowAction.Kind.REPLACE;
        compared = expected.equals(TableChanges.ABSENT) ? want : actualRow;
      } else if (lostUnlogged(table, changes, key, actualRow)) {
        // Staging's row went in an unlogged cascade: production's goes too (with its children).
        // One equal to staging's is taken as already applied, which keeps a re-run clean.
        if (want.equals(actualRow)) {
          continue;
        }
        rewrite = want.equals(TableChanges.ABSENT) ? RowAction.Kind.DELETE : RowAction.Kind.REPLACE;
      } else if (doomed.contains(key)
          && changes.createdAnew(key)
          && !actualRow.equals(TableChanges.ABSENT)
          && !want.equals(actualRow)) {
        // Production's row hangs from a row this run deletes: staging's went in that delete's
        // unlogged cascade before this one came, so it is no row inserted in production meanwhile.
        rewrite = RowAction.Kind.REPLACE;
      } else if (cascaded.contains(key)
          && !want.equals(TableChanges.ABSENT)
          && !expected.equals(TableChanges.ABSENT)) {
        // An early delete of this run cascades production's row away: inserted again after it.
        rewrite = RowAction.Kind.INSERT;
        compared = actual.getOrDefault(key, TableChanges.ABSENT);
      } else if (replacesItself(table, changes, key)
          && !want.equals(TableChanges.ABSENT)
          && !actualRow.equals(TableChanges.ABSENT)) {
        // Staging's delete took the row's children along unlogged: production's delete must take
        // the same, even where the row came back equal to production's.
        rewrite = RowAction.Kind.REPLACE;
        compared = actualRow;
      }
      if (rewrite != null) {
        if (!want.equals(compared)
            && !sameRow(compared, expected)
            && heldBack(
                conflict(table, key, expected, compared, want), key, conflicts, skippedKeys)) {
          continue;
        }
        actions.put(key, RowAction.of(rewrite, key));
        continue;
      }
      if (want.equals(actualRow) || sameRow(want, expected)) {
        continue; // already applied, or no net change in staging
      }
      if (!sameRow(actualRow, expected)
          && heldBack(
              conflict(table, key, expected, actualRow, want), key, conflicts, skippedKeys)) {
        continue;
      }
      RowAction.Kind kind =
          want.equals(TableChanges.ABSENT)
              ? RowAction.Kind.DELETE
              : actualRow.equals(TableChanges.ABSENT)
                  ? RowAction.Kind.INSERT
                  : RowAction.Kind.UPDATE;
      actions.put(key, RowAction.of(kind, key));
    }
    ActionRewrites.foldKeyMoves(changes, actions, replaceDeleted.test(table));
    UniqueCollisions.Outcome unique =
        new UniqueCollisions(dialect, batchSize)
            .find(table, productionTable, uniqueValues, actions, production);
    unique
        .conflicts()
        .forEach(
            (key, conflict) -> {
              conflicts.add(conflict);
              actions.remove(key);
              skippedKeys.add(key);
            });

    LogIds.Builder skippedIds = new LogIds.Builder();
    skippedKeys.forEach(k -> skippedIds.addAll(changes.logIds(k)));
    LogIds skipped = skippedIds.build();
    LogIds processed = changes.allLogIds().minus(skipped);
    cascades.movedAway(
        productionTable,
        actions.values().stream()
            .filter(a -> a.kind() == RowAction.Kind.MOVE)
            .map(RowAction::fromKey)
            .collect(Collectors.toSet()));
    Set<String> earlyDeletes = new HashSet<>(unique.earlyDeletes());
    earlyDeletes.addAll(
        ActionRewrites.clearWayForMoves(
            blockingMoves(cascades, productionTable, cascaded, production), doomed, actions));
    Set<String> early = new HashSet<>(earlyDeletes);
    actions.values().stream()
        .filter(a -> a.kind() == RowAction.Kind.REPLACE)
        .forEach(a -> early.add(a.key()));
    // What the early deletes cascade to through the tree goes early too, for the child tables.
    Set<String> underEarly = cascades.selfCascade(productionTable, early, production);
    // rows of the subtree that staging never changed are still staging's: read to write them again
    Set<String> unchanged = new HashSet<>(underEarly);
    unchanged.removeAll(changes.dirtyKeys());
    if (!unchanged.isEmpty()) {
      fetchUnlogged(table, unchanged, changes, desired, uniqueValues, have, snapshot);
    }
    ActionRewrites.rewriteCascaded(underEarly, desired, skippedKeys, actions);
    early.addAll(underEarly);
    cascades.replaced(productionTable, early);
    // A row moved in place keeps its children: only rows that go for good take theirs along.
    Set<String> goneForGood = deletedRows(changes, desired, have);
    actions.values().stream()
        .filter(a -> a.kind() == RowAction.Kind.MOVE)
        .forEach(a -> goneForGood.remove(a.fromKey()));
    if (unlogged) {
      goneForGood.addAll(
          lostBelow(table, productionTable, goneForGood, snapshot, production, cascades));
    }
    cascades.deleted(productionTable, goneForGood);
    if (unlogged) {
      cascades.deletedOnTheWay(
          productionTable,
          changes.dirtyKeys().stream().filter(changes::wasDeleted).collect(Collectors.toSet()));
    }
    return new TablePlan(
        table,
        List.copyOf(actions.values()),
        conflicts,
        processed,
        skipped,
        earlyDeletes,
        unique.parked(),
        unique.freed());
  }

  /**
   * Production rows of the tree below {@code deleted} that staging lacks: the late delete takes
   * them along in production, as it did unlogged in staging. A row staging still has was moved away
   * first, and keeps what hangs from it.
   */
  private Set<String> lostBelow(
      TableMetadata table,
      TableMetadata productionTable,
      Set<String> deleted,
      Connection snapshot,
      Connection production,
      CascadeClosure cascades)
      throws SQLException {
    Set<String> lost = new HashSet<>();
    Set<String> frontier = deleted;
    while (!frontier.isEmpty()) {
      Set<String> children = cascades.selfChildren(productionTable, frontier, production);
      children.removeAll(deleted);
      children.removeAll(lost);
      if (children.isEmpty()) {
        break;
      }
      Set<String> kept = new HashSet<>();
      new RowFetcher(dialect, table, batchSize)
          .evaluate(snapshot, children, List.of(), (key, values) -> kept.add(key));
      children.removeAll(kept);
      lost.addAll(children);
      frontier = children;
    }
    return lost;
  }

  /**
   * Production rows in the way of a key move that are still there when it runs: an early delete's
   * cascade takes the others before the upserts.
   */
  private static Set<String> blockingMoves(
      CascadeClosure cascades,
      TableMetadata productionTable,
      Set<String> cascaded,
      Connection production)
      throws SQLException {
    Set<String> blocking = cascades.referencingMovedAway(productionTable, production);
    blocking.removeAll(cascaded);
    return blocking;
  }

  /** Records a conflict: whether its row waits (every policy but overwrite writes it anyway). */
  private boolean heldBack(
      Conflict conflict, String key, List<Conflict> conflicts, Set<String> skippedKeys) {
    conflicts.add(conflict);
    if (policy == ConflictPolicy.OVERWRITE) {
      return false;
    }
    skippedKeys.add(key);
    return true;
  }

  /**
   * Rows deleted and inserted again in staging, on a table whose deletes cascade unlogged:
   * production must delete them too (before any upsert) so that the cascade removes the same
   * children.
   */
  private boolean replacesItself(TableMetadata table, TableChanges changes, String key) {
    return changes.wasDeleted(key) && replaceDeleted.test(table);
  }

  /**
   * Where the log misses cascades: a row production has, whose pending history starts with a row
   * coming to its key after a delete in this table (see {@link TableChanges#createdAfterADelete}).
   */
  private boolean lostUnlogged(
      TableMetadata table, TableChanges changes, String key, String actualRow) {
    return replaceDeleted.test(table)
        && !actualRow.equals(TableChanges.ABSENT)
        && changes.createdAfterADelete(key);
  }

  /** Keys this plan will replace by itself (see {@link #replacesItself}), conflicts aside. */
  private Set<String> replacedRows(
      TableMetadata table,
      TableChanges changes,
      Map<String, String> desired,
      Map<String, String> have) {
    Set<String> replaced = new HashSet<>();
    for (String key : changes.dirtyKeys()) {
      String want = desired.get(key);
      String actualRow = have.get(key);
      boolean applies =
          want != null
              && !actualRow.equals(TableChanges.ABSENT)
              && (want.equals(actualRow)
                  || sameRow(actualRow, changes.expected(key))
                  || policy == ConflictPolicy.OVERWRITE);
      if (applies && replacesItself(table, changes, key)
          || want != null
              && !want.equals(actualRow)
              && replaceDeleted.test(table)
              && !actualRow.equals(TableChanges.ABSENT)
              && changes.createdAfterADelete(key)) {
        replaced.add(key);
      }
    }
    return replaced;
  }

  /**
   * Brings rows the log does not mention into the plan, as rows production lacks (a cascade of this
   * run removes them before the upserts).
   */
  private void fetchUnlogged(
      TableMetadata table,
      Set<String> keys,
      TableChanges changes,
      Map<String, String> desired,
      Map<String, Object[]> uniqueValues,
      Map<String, String> have,
      Connection snapshot)
      throws SQLException {
    new RowFetcher(dialect, table, batchSize)
        .fetchImages(
            snapshot,
            keys,
            UniqueCollisions.columns(table),
            row -> {
              changes.cascaded(row.key());
              have.put(row.key(), TableChanges.ABSENT);
              desired.put(row.key(), row.image());
              uniqueValues.put(row.key(), row.values());
            });
  }

  /** Keys production has and staging deleted for good: deleted after the upserts. */
  private static Set<String> deletedRows(
      TableChanges changes, Map<String, String> desired, Map<String, String> have) {
    Set<String> deleted = new HashSet<>();
    for (String key : changes.dirtyKeys()) {
      if (!desired.containsKey(key) && !have.get(key).equals(TableChanges.ABSENT)) {
        deleted.add(key);
      }
    }
    return deleted;
  }

  private static boolean sameRow(String image, String expected) {
    return Objects.equals(image, expected);
  }

  /**
   * @param want staging's row now: an inserted row is compared with production's row itself, an
   *     edited one by what staging started from
   */
  private static Conflict conflict(
      TableMetadata table, String key, String expected, String have, String want) {
    Map<String, Object> keyValues = KeyCodec.asMap(table, key);
    if (expected.equals(TableChanges.ABSENT)) {
      return new Conflict(
          table.name().name(),
          keyValues,
          ConflictKind.EXISTS,
          "staging inserted a row whose key already exists in production with other values",
          java.util.Optional.empty(),
          want.equals(TableChanges.ABSENT) ? List.of() : RowImages.differences(table, want, have));
    }
    if (have.equals(TableChanges.ABSENT)) {
      return new Conflict(
          table.name().name(),
          keyValues,
          ConflictKind.MISSING,
          "staging changed a row that has been deleted from production since the session started");
    }
    return new Conflict(
        table.name().name(),
        keyValues,
        ConflictKind.DRIFT,
        "the production row was edited since the staging session started",
        java.util.Optional.empty(),
        RowImages.differences(table, expected, have));
  }

  private Map<String, String> images(
      RowFetcher fetcher, Connection connection, TableChanges changes) throws SQLException {
    Map<String, String> images = new HashMap<>();
    fetcher.fetchImages(
        connection, changes.dirtyKeys(), List.of(), row -> images.put(row.key(), row.image()));
    return images;
  }
}
