// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stagingutils.core.metadata.TableMetadata;

/**
 * The keys of one table whose pending histories share a change-log row: a key change is logged once
 * and belongs to the old key and the new. A run that takes only part of the pending changes ({@code
 * --before}, change sets) takes such keys together or leaves them together: taking one alone would
 * write half of a moved row, and mark processed log rows of the half it left.
 */
final class LinkedKeys {
  private final List<List<String>> groups;

  private LinkedKeys(List<List<String>> groups) {
    this.groups = groups;
  }

  static LinkedKeys of(TableChanges changes) {
    Map<String, String> parent = new HashMap<>();
    Map<Long, String> firstKeyOf = new HashMap<>();
    for (String key : changes.dirtyKeys()) {
      for (long id : changes.logIds(key).toArray()) {
        String other = firstKeyOf.putIfAbsent(id, key);
        if (other != null) {
          parent.put(root(parent, key), root(parent, other));
        }
      }
    }
    Map<String, List<String>> byRoot = new HashMap<>();
    for (String key : List.copyOf(parent.keySet())) {
      byRoot.computeIfAbsent(root(parent, key), r -> new ArrayList<>()).add(key);
    }
    List<List<String>> groups = new ArrayList<>();
    byRoot.forEach(
        (root, members) -> {
          if (!members.contains(root)) {
            members.add(root);
          }
          groups.add(List.copyOf(members));
        });
    return new LinkedKeys(groups);
  }

  static Map<TableMetadata, LinkedKeys> byTable(Map<TableMetadata, TableChanges> changes) {
    Map<TableMetadata, LinkedKeys> links = new HashMap<>();
    changes.forEach((table, tableChanges) -> links.put(table, LinkedKeys.of(tableChanges)));
    return links;
  }

  /** Every group of two or more keys. */
  Collection<List<String>> groups() {
    return groups;
  }

  private static String root(Map<String, String> parent, String key) {
    String root = key;
    while (parent.containsKey(root) && !parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    return root;
  }
}
