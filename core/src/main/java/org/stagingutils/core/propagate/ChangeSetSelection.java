// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stagingutils.core.dialect.Dialect;
import org.stagingutils.core.metadata.StagedSchema;
import org.stagingutils.core.metadata.TableMetadata;
import org.stagingutils.core.propagate.PendingReferences.Reference;

/**
 * Narrows a full plan to the rows of the selected change sets. A row belongs to the change set of
 * the last change that touched it. Prerequisites come from the foreign keys: a selected row needs
 * every pending parent it references, and a selected delete must not pull a row from under a
 * pending row that references it. With {@code withPrerequisites} the parents are taken along,
 * transitively; otherwise they are reported and the run refuses.
 */
final class ChangeSetSelection {
  /**
   * The selected rows, what is still missing, which rows of other sets were taken along, and which
   * {@code --with-prerequisites} would take (the same as taken when it was given).
   *
   * @param selected the selected keys by table, to plan again alone
   */
  record Outcome(
      Map<TableMetadata, Set<String>> selected,
      List<MissingPrerequisite> missing,
      List<MissingPrerequisite> taken,
      List<MissingPrerequisite> needed) {}

  private record Resolution(List<MissingPrerequisite> missing, List<MissingPrerequisite> taken) {}

  private final PendingReferences pending;

  ChangeSetSelection(Dialect dialect, StagedSchema schema, int batchSize) {
    this.pending = new PendingReferences(dialect, schema, batchSize);
  }

  /**
   * @param alsoTaken rows selected besides the change sets' own: those an earlier planning of the
   *     selection found it writes anyway (see {@link LeftOutRows#writtenBy})
   * @param snapshot staging, for the foreign-key values of pending rows
   * @param production for the rows that reference, in production, a row a selected change deletes
   */
  Outcome select(
      Map<TableMetadata, TablePlan> plans,
      Map<TableMetadata, TableChanges> changes,
      Set<String> changeSets,
      boolean withPrerequisites,
      Map<TableMetadata, Set<String>> alsoTaken,
      Connection snapshot,
      Connection production)
      throws SQLException {
    Map<TableMetadata, Set<String>> selected =
        TableChanges.dirtyKeysWhere(
            changes, (tableChanges, key) -> changeSets.contains(tableChanges.lastChangeSet(key)));
    alsoTaken.forEach(
        (table, keys) -> selected.computeIfAbsent(table, t -> new HashSet<>()).addAll(keys));
    List<Reference> references = pending.references(plans, snapshot);
    List<Reference> stillReferenced = pending.referencedInProduction(plans, changes, production);
    Map<TableMetadata, Set<String>> closure = new HashMap<>();
    selected.forEach((table, keys) -> closure.put(table, new HashSet<>(keys)));
    Map<TableMetadata, LinkedKeys> links = LinkedKeys.byTable(changes);
    Map<TableMetadata, Map<String, RowAction>> actions = actionsByKey(plans);
    Resolution resolution =
        resolve(
            plans,
            actions,
            changes,
            references,
            stillReferenced,
            links,
            selected,
            withPrerequisites);
    List<MissingPrerequisite> needed =
        withPrerequisites
            ? resolution.taken()
            : resolve(plans, actions, changes, references, stillReferenced, links, closure, true)
                .taken();
    return new Outcome(selected, resolution.missing(), resolution.taken(), needed);
  }

  /**
   * Finds the prerequisites of the selected rows; with {@code take}, adds them to {@code selected}
   * until nothing more is needed.
   */
  private Resolution resolve(
      Map<TableMetadata, TablePlan> plans,
      Map<TableMetadata, Map<String, RowAction>> actions,
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
        RowAction parentAction = actions.getOrDefault(ref.parent(), Map.of()).get(ref.parentKey());
        if (childSelected && !parentSelected && PendingReferences.isUpsert(parentAction)) {
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
          String parentRow = row(ref.parent(), ref.parentKey());
          String parentChange =
              "which change set "
                  + changes.get(ref.parent()).lastChangeSet(ref.parentKey())
                  + " "
                  + ref.change();
          String reason =
              ref.throughCascade()
                  ? "hangs in production, through cascading foreign keys, from "
                      + parentRow
                      + ", "
                      + parentChange
                  : "still references " + parentRow + " in production, " + parentChange;
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

  /** Each plan's actions by key: the references to look up run into the hundred thousands. */
  private static Map<TableMetadata, Map<String, RowAction>> actionsByKey(
      Map<TableMetadata, TablePlan> plans) {
    Map<TableMetadata, Map<String, RowAction>> actions = new HashMap<>();
    plans.forEach(
        (table, plan) -> {
          Map<String, RowAction> byKey = new HashMap<>();
          plan.actions().forEach(a -> byKey.putIfAbsent(a.key(), a));
          actions.put(table, byKey);
        });
    return actions;
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
    Set<List<Object>> rows = new HashSet<>();
    for (MissingPrerequisite each : missing) {
      // one entry per row and change set, whatever the reasons
      if (rows.add(Arrays.asList(each.table(), each.key(), each.changeSet()))) {
        unique.add(each);
      }
    }
    return unique;
  }

  /**
   * The plans cut down to the selected rows, for a refusal's report only: a run that goes on plans
   * the selected rows again (see {@code StagingPropagation}), so these mark no log row processed.
   */
  static Map<TableMetadata, TablePlan> narrow(
      Map<TableMetadata, TablePlan> plans, Map<TableMetadata, Set<String>> selected) {
    Map<TableMetadata, TablePlan> narrowed = new LinkedHashMap<>();
    plans.forEach(
        (table, plan) -> {
          Set<String> keys = selected.get(table);
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
                  LogIds.NONE,
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
