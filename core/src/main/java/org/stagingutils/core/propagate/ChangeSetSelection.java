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
 * Narrows a full plan to the rows of the selected change sets. A row belongs to the change set of
 * the last change that touched it. Prerequisites come from the foreign keys: a selected row needs
 * every pending parent it references, and a selected delete must not pull a row from under a
 * pending row that references it. With {@code withPrerequisites} the parents are taken along,
 * transitively; otherwise they are reported and the run refuses.
 */
final class ChangeSetSelection {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ChangeSetSelection.class);

  /**
   * The narrowed plans, what is still missing, which rows of other sets were taken along, and which
   * {@code --with-prerequisites} would take (the same as taken when it was given).
   */
  /**
   * @param plans the plans narrowed to the selected rows, for a refusal's report
   * @param selected the selected keys by table, to plan again alone
   */
  record Outcome(
      Map<TableMetadata, TablePlan> plans,
      Map<TableMetadata, Set<String>> selected,
      List<MissingPrerequisite> missing,
      List<MissingPrerequisite> taken,
      List<MissingPrerequisite> needed) {}

  private record Resolution(List<MissingPrerequisite> missing, List<MissingPrerequisite> taken) {}

  /**
   * A pending row's reference to a pending row of a staged table.
   *
   * @param change for a production row's reference: what the parent's pending change does to the
   *     row referenced ("deletes", "gives a new key"); null for staging's references
   */
  private record Reference(
      TableMetadata child,
      String childKey,
      TableMetadata parent,
      String parentKey,
      String change) {}

  private final Dialect dialect;
  private final StagedSchema schema;
  private final int batchSize;

  ChangeSetSelection(Dialect dialect, StagedSchema schema, int batchSize) {
    this.dialect = dialect;
    this.schema = schema;
    this.batchSize = batchSize;
  }

  /**
   * @param snapshot staging, for the foreign-key values of pending rows
   * @param production for the rows that reference, in production, a row a selected change deletes
   */
  Outcome select(
      Map<TableMetadata, TablePlan> plans,
      Map<TableMetadata, TableChanges> changes,
      Set<String> changeSets,
      boolean withPrerequisites,
      Connection snapshot,
      Connection production)
      throws SQLException {
    Map<TableMetadata, Set<String>> selected = new HashMap<>();
    changes.forEach(
        (table, tableChanges) -> {
          Set<String> keys = new HashSet<>();
          for (String key : tableChanges.dirtyKeys()) {
            if (changeSets.contains(tableChanges.lastChangeSet(key))) {
              keys.add(key);
            }
          }
          selected.put(table, keys);
        });
    List<Reference> references = references(plans, snapshot);
    List<Reference> stillReferenced = referencedInProduction(plans, changes, production);
    Map<TableMetadata, Set<String>> closure = new HashMap<>();
    selected.forEach((table, keys) -> closure.put(table, new HashSet<>(keys)));
    Map<TableMetadata, LinkedKeys> links = linkedKeys(changes);
    Resolution resolution =
        resolve(plans, changes, references, stillReferenced, links, selected, withPrerequisites);
    List<MissingPrerequisite> needed =
        withPrerequisites
            ? resolution.taken()
            : resolve(plans, changes, references, stillReferenced, links, closure, true).taken();
    return new Outcome(
        narrow(plans, changes, selected),
        selected,
        resolution.missing(),
        resolution.taken(),
        needed);
  }

  /**
   * Finds the prerequisites of the selected rows; with {@code take}, adds them to {@code selected}
   * until nothing more is needed.
   */
  private Resolution resolve(
      Map<TableMetadata, TablePlan> plans,
      Map<TableMetadata, TableChanges> changes,
      List<Reference> references,
      List<Reference> stillReferenced,
      Map<TableMetadata, LinkedKeys> links,
      Map<TableMetadata, Set<String>> selected,
      boolean take) {
    List<MissingPrerequisite> taken = new ArrayList<>();
    List<MissingPrerequisite> missing;
    while (true) {
      missing = new ArrayList<>();
      Map<TableMetadata, Map<String, String>> toTake = new LinkedHashMap<>();
      for (Reference ref : references) {
        boolean childSelected = selected.get(ref.child()).contains(ref.childKey());
        boolean parentSelected = selected.get(ref.parent()).contains(ref.parentKey());
        RowAction parentAction = action(plans, ref.parent(), ref.parentKey());
        if (childSelected && !parentSelected && isUpsert(parentAction)) {
          String reason = "referenced by " + row(ref.child(), ref.childKey());
          missing.add(prerequisite(changes, ref.parent(), ref.parentKey(), reason));
          toTake
              .computeIfAbsent(ref.parent(), t -> new LinkedHashMap<>())
              .putIfAbsent(ref.parentKey(), reason);
        } else if (!childSelected
            && parentSelected
            && parentAction != null
            && parentAction.kind() == RowAction.Kind.DELETE) {
          missing.add(
              prerequisite(
                  changes,
                  ref.child(),
                  ref.childKey(),
                  "references " + row(ref.parent(), ref.parentKey()) + ", which is deleted"));
        }
      }
      for (Reference ref : stillReferenced) {
        // A selected delete or key change would pull the row from under a production row whose
        // own pending change (which points it elsewhere, or deletes it) is not selected.
        if (selected.get(ref.parent()).contains(ref.parentKey())
            && !selected.get(ref.child()).contains(ref.childKey())) {
          String reason =
              "still references "
                  + row(ref.parent(), ref.parentKey())
                  + " in production, which change set "
                  + changes.get(ref.parent()).lastChangeSet(ref.parentKey())
                  + " "
                  + ref.change();
          missing.add(prerequisite(changes, ref.child(), ref.childKey(), reason));
          toTake
              .computeIfAbsent(ref.child(), t -> new LinkedHashMap<>())
              .putIfAbsent(ref.childKey(), reason);
        }
      }
      for (TablePlan plan : plans.values()) {
        TableMetadata table = plan.table();
        for (FreedValue freed : plan.freedValues()) {
          // The taker's write would collide in production with the holder's unchanged row.
          if (selected.get(table).contains(freed.takerKey())
              && !selected.get(table).contains(freed.holderKey())) {
            String reason =
                "frees " + freed.value() + ", which " + row(table, freed.takerKey()) + " takes";
            missing.add(prerequisite(changes, table, freed.holderKey(), reason));
            toTake
                .computeIfAbsent(table, t -> new LinkedHashMap<>())
                .putIfAbsent(freed.holderKey(), reason);
          }
        }
      }
      for (var entry : links.entrySet()) {
        TableMetadata table = entry.getKey();
        Set<String> keys = selected.get(table);
        for (List<String> group : entry.getValue().groups()) {
          String in = group.stream().filter(keys::contains).findFirst().orElse(null);
          if (in == null) {
            continue;
          }
          // A key change is one log row of both keys: the moved row goes whole or not at all.
          String reason = "shares a change (a key change) with " + row(table, in);
          for (String key : group) {
            if (!keys.contains(key)) {
              missing.add(prerequisite(changes, table, key, reason));
              toTake.computeIfAbsent(table, t -> new LinkedHashMap<>()).putIfAbsent(key, reason);
            }
          }
        }
      }
      if (!take || toTake.isEmpty()) {
        break;
      }
      for (var entry : toTake.entrySet()) {
        for (var row : entry.getValue().entrySet()) {
          if (selected.get(entry.getKey()).add(row.getKey())) {
            taken.add(prerequisite(changes, entry.getKey(), row.getKey(), row.getValue()));
          }
        }
      }
    }
    return new Resolution(dedupe(missing), taken);
  }

  private static String row(TableMetadata table, String key) {
    return table.name().name() + " " + KeyCodec.asMap(table, key);
  }

  private static boolean isUpsert(RowAction action) {
    return action != null && action.kind() != RowAction.Kind.DELETE;
  }

  private static RowAction action(
      Map<TableMetadata, TablePlan> plans, TableMetadata table, String key) {
    TablePlan plan = plans.get(table);
    if (plan == null) {
      return null;
    }
    return plan.actions().stream().filter(a -> a.key().equals(key)).findFirst().orElse(null);
  }

  private static MissingPrerequisite prerequisite(
      Map<TableMetadata, TableChanges> changes, TableMetadata table, String key, String reason) {
    return new MissingPrerequisite(
        table.name().name(),
        KeyCodec.asMap(table, key),
        changes.get(table).lastChangeSet(key),
        reason);
  }

  private static List<MissingPrerequisite> dedupe(List<MissingPrerequisite> missing) {
    List<MissingPrerequisite> unique = new ArrayList<>();
    for (MissingPrerequisite each : missing) {
      if (unique.stream().noneMatch(each::sameRow)) {
        unique.add(each);
      }
    }
    return unique;
  }

  /**
   * Production rows of pending staged tables that reference a row some pending change deletes or
   * gives a new key, where the referencing row has a pending change of its own: propagating the
   * delete or the key change without that change would fail on the foreign key, or cascade a row
   * staging keeps.
   */
  private List<Reference> referencedInProduction(
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
                              action.kind() == RowAction.Kind.MOVE
                                  ? "gives a new key"
                                  : "deletes"));
                    }
                  });
        }
      }
    }
    return references;
  }

  /** Pending upserts' foreign-key values that point at another pending row's key. */
  private List<Reference> references(Map<TableMetadata, TablePlan> plans, Connection snapshot)
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
                    references.add(new Reference(child, key, parent, values[i], null));
                  }
                }
              });
    }
    return references;
  }

  /**
   * Keeps only the rows whose last change was captured before {@code before} ({@code captureTimes}
   * holds the capture time of each row's last log row): a row also changed later waits whole, so
   * production never gets a state that mixes both sides of the cutoff.
   *
   * @return the selected keys by table
   */
  Map<TableMetadata, Set<String>> before(
      Map<TableMetadata, TablePlan> plans,
      Map<TableMetadata, TableChanges> changes,
      Map<Long, java.time.Instant> captureTimes,
      java.time.Instant before,
      Connection snapshot,
      Connection production)
      throws SQLException {
    Map<TableMetadata, Set<String>> selected = new HashMap<>();
    changes.forEach(
        (table, tableChanges) -> {
          Set<String> keys = new HashSet<>();
          for (String key : tableChanges.dirtyKeys()) {
            java.util.OptionalLong last = tableChanges.lastLogId(key);
            // a row only a cascade removes has no change of its own to wait for
            if (last.isEmpty() || capturedAt(captureTimes, last.getAsLong()).isBefore(before)) {
              keys.add(key);
            }
          }
          selected.put(table, keys);
        });
    List<Reference> toNewRows = toNewRows(plans, references(plans, snapshot));
    List<Reference> stillReferenced = referencedInProduction(plans, changes, production);
    Map<TableMetadata, LinkedKeys> links = linkedKeys(changes);
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

  private static Map<TableMetadata, LinkedKeys> linkedKeys(
      Map<TableMetadata, TableChanges> changes) {
    Map<TableMetadata, LinkedKeys> links = new HashMap<>();
    changes.forEach((table, tableChanges) -> links.put(table, LinkedKeys.of(tableChanges)));
    return links;
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
            "{} {} waits: {} {} still references it in production and changes later",
            ref.parent().name(),
            KeyCodec.asMap(ref.parent(), ref.parentKey()),
            ref.child().name(),
            KeyCodec.asMap(ref.child(), ref.childKey()));
      }
    }
    return dropped;
  }

  private static java.time.Instant capturedAt(
      Map<Long, java.time.Instant> captureTimes, long logId) {
    java.time.Instant captured = captureTimes.get(logId);
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

  private static Map<TableMetadata, TablePlan> narrow(
      Map<TableMetadata, TablePlan> plans,
      Map<TableMetadata, TableChanges> changes,
      Map<TableMetadata, Set<String>> selected) {
    Map<TableMetadata, TablePlan> narrowed = new LinkedHashMap<>();
    plans.forEach(
        (table, plan) -> {
          Set<String> keys = selected.get(table);
          TableChanges tableChanges = changes.get(table);
          LogIds.Builder selectedIds = new LogIds.Builder();
          LogIds.Builder heldIds = new LogIds.Builder();
          for (String key : tableChanges.dirtyKeys()) {
            (keys.contains(key) ? selectedIds : heldIds).addAll(tableChanges.logIds(key));
          }
          // A log row that also mentions an unselected row stays pending for that row's sake.
          LogIds processed =
              selectedIds.build().minus(heldIds.build()).intersect(plan.processedLogIds());
          Set<String> conflictKeys = new HashSet<>();
          keys.forEach(k -> conflictKeys.add(KeyCodec.asMap(table, k).toString()));
          narrowed.put(
              table,
              new TablePlan(
                  table,
                  plan.actions().stream().filter(a -> keys.contains(a.key())).toList(),
                  plan.conflicts().stream()
                      .filter(c -> conflictKeys.contains(c.key().toString()))
                      .toList(),
                  processed,
                  plan.skippedLogIds(),
                  plan.earlyDeletes().stream()
                      .filter(keys::contains)
                      .collect(java.util.stream.Collectors.toSet()),
                  plan.parkedOf(keys),
                  plan.freedValuesOf(keys)));
        });
    return narrowed;
  }
}
