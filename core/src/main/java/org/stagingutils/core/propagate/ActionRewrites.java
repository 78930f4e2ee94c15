// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites of a table's row actions, keyed by staging key, once each row's own comparison has
 * decided them: where the order production writes in, or what this run's other actions do to
 * production first, calls for another action than the row alone would.
 */
final class ActionRewrites {
  private ActionRewrites() {}

  /**
   * A row that moved from key A to B becomes one in-place key update instead of delete+insert;
   * except where staging deleted the row at A before a new one came there and moved away, and the
   * log misses what that delete's cascade took ({@code deletesCascadeUnlogged}): production's row
   * at A must go the same way, its children with it, not move with them still attached.
   */
  static void foldKeyMoves(
      TableChanges changes, Map<String, RowAction> actions, boolean deletesCascadeUnlogged) {
    changes
        .keyMoves()
        .forEach(
            (current, origin) -> {
              RowAction insert = actions.get(current);
              RowAction delete = actions.get(origin);
              if (deletesCascadeUnlogged && changes.wasDeleted(origin)) {
                return;
              }
              if (insert != null
                  && delete != null
                  && insert.kind() == RowAction.Kind.INSERT
                  && delete.kind() == RowAction.Kind.DELETE) {
                actions.remove(origin);
                actions.put(current, new RowAction(RowAction.Kind.MOVE, current, origin));
              }
            });
  }

  /**
   * Staging's rows that an early delete's cascade through the tree takes from production before the
   * upserts: inserted after it rather than updated or moved where nothing is left.
   */
  static void rewriteCascaded(
      Set<String> underEarly,
      Map<String, String> desired,
      Set<String> skippedKeys,
      Map<String, RowAction> actions) {
    for (String key : underEarly) {
      RowAction action = actions.get(key);
      boolean rewrite =
          action == null
              ? desired.containsKey(key) && !skippedKeys.contains(key)
              : action.kind() == RowAction.Kind.UPDATE;
      if (rewrite) {
        actions.put(key, RowAction.of(RowAction.Kind.INSERT, key));
      }
    }
    // A row whose key moved away from inside the subtree: nothing is left to move in place.
    for (RowAction action : List.copyOf(actions.values())) {
      if (action.kind() == RowAction.Kind.MOVE && underEarly.contains(action.fromKey())) {
        actions.put(action.key(), RowAction.of(RowAction.Kind.INSERT, action.key()));
      }
    }
  }

  /**
   * Takes the production rows at {@code blocking}, which reference a row this run moves to another
   * key, out of its way before the upserts: a delete goes early, an update or a move becomes a
   * delete before the upserts and an insert among them.
   *
   * @param doomed production rows that a late delete of this run cascades away, which the log may
   *     not mention (MariaDB): those in the way go early, without an action of their own
   * @return the keys to delete before the upserts
   */
  static Set<String> clearWayForMoves(
      Set<String> blocking, Set<String> doomed, Map<String, RowAction> actions) {
    Set<String> early = new HashSet<>();
    if (blocking.isEmpty()) {
      return early;
    }
    for (String key : blocking) {
      if (doomed.contains(key) && !actions.containsKey(key)) {
        actions.put(key, RowAction.of(RowAction.Kind.DELETE, key));
      }
    }
    for (RowAction action : List.copyOf(actions.values())) {
      switch (action.kind()) {
        case DELETE -> {
          if (blocking.contains(action.key())) {
            early.add(action.key());
          }
        }
        case UPDATE -> {
          if (blocking.contains(action.key())) {
            actions.put(action.key(), RowAction.of(RowAction.Kind.REPLACE, action.key()));
          }
        }
        case MOVE -> {
          if (blocking.contains(action.fromKey())) {
            actions.put(action.key(), RowAction.of(RowAction.Kind.INSERT, action.key()));
            actions.put(action.fromKey(), RowAction.of(RowAction.Kind.DELETE, action.fromKey()));
            early.add(action.fromKey());
          }
        }
        default -> {}
      }
    }
    return early;
  }
}
