// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.metadata;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The foreign-key graph of the staged tables. Gives the order to write in (parents before children
 * for inserts and updates, the reverse for deletes), the tables that reference themselves, the
 * groups of tables that reference each other in a cycle, and the foreign keys that leave the staged
 * set. Cycles are not errors: the engines break them through nullable or deferrable keys.
 */
public final class DependencyGraph {
  private final List<TableMetadata> parentsFirst;
  private final List<List<TableMetadata>> cycles;
  private final List<TableMetadata> selfReferencing;
  private final List<ForeignKey> externalReferences;

  private DependencyGraph(
      List<TableMetadata> parentsFirst,
      List<List<TableMetadata>> cycles,
      List<TableMetadata> selfReferencing,
      List<ForeignKey> externalReferences) {
    this.parentsFirst = List.copyOf(parentsFirst);
    this.cycles = List.copyOf(cycles);
    this.selfReferencing = List.copyOf(selfReferencing);
    this.externalReferences = List.copyOf(externalReferences);
  }

  public static DependencyGraph of(List<TableMetadata> tables) {
    Map<String, TableMetadata> byName = new LinkedHashMap<>();
    tables.stream()
        .sorted(Comparator.comparing(t -> t.name().name()))
        .forEach(t -> byName.put(t.name().name(), t));
    Map<String, Set<String>> parents = new HashMap<>();
    List<TableMetadata> selfReferencing = new ArrayList<>();
    List<ForeignKey> external = new ArrayList<>();
    for (TableMetadata table : byName.values()) {
      Set<String> tableParents = new TreeSet<>();
      for (ForeignKey fk : table.foreignKeys()) {
        String target = fk.referencedTable().name();
        if (!byName.containsKey(target)) {
          external.add(fk);
        } else if (fk.selfReferencing()) {
          if (!selfReferencing.contains(table)) {
            selfReferencing.add(table);
          }
        } else {
          tableParents.add(target);
        }
      }
      parents.put(table.name().name(), tableParents);
    }
    List<List<String>> components = new StronglyConnected(byName.keySet(), parents).components();
    List<TableMetadata> order = new ArrayList<>();
    List<List<TableMetadata>> cycles = new ArrayList<>();
    for (List<String> component : components) {
      List<TableMetadata> members = component.stream().sorted().map(byName::get).toList();
      order.addAll(members);
      if (members.size() > 1) {
        cycles.add(members);
      }
    }
    return new DependencyGraph(order, cycles, selfReferencing, external);
  }

  /** The order for inserts and updates: every table after the tables it references. */
  public List<TableMetadata> parentsFirst() {
    return parentsFirst;
  }

  /** The order for deletes: every table before the tables it references. */
  public List<TableMetadata> childrenFirst() {
    List<TableMetadata> reversed = new ArrayList<>(parentsFirst);
    java.util.Collections.reverse(reversed);
    return reversed;
  }

  /** Groups of two or more tables that reference each other, directly or through others. */
  public List<List<TableMetadata>> cycles() {
    return cycles;
  }

  public List<TableMetadata> selfReferencing() {
    return selfReferencing;
  }

  /** Foreign keys from staged tables into tables that are not staged. */
  public List<ForeignKey> externalReferences() {
    return externalReferences;
  }

  /**
   * Tarjan's algorithm, iterative so deep chains cannot overflow the stack. Components come out
   * with every component after the components it points to, which is parents-first order.
   */
  private static final class StronglyConnected {
    private final Set<String> nodes;
    private final Map<String, Set<String>> edges;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> lowLink = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new java.util.HashSet<>();
    private final List<List<String>> components = new ArrayList<>();
    private int counter;

    StronglyConnected(Set<String> nodes, Map<String, Set<String>> edges) {
      this.nodes = nodes;
      this.edges = edges;
    }

    List<List<String>> components() {
      for (String node : nodes) {
        if (!index.containsKey(node)) {
          visit(node);
        }
      }
      return components;
    }

    private void visit(String root) {
      Deque<Map.Entry<String, java.util.Iterator<String>>> work = new ArrayDeque<>();
      enter(root);
      work.push(Map.entry(root, edges.get(root).iterator()));
      while (!work.isEmpty()) {
        var frame = work.peek();
        String node = frame.getKey();
        if (frame.getValue().hasNext()) {
          String next = frame.getValue().next();
          if (!index.containsKey(next)) {
            enter(next);
            work.push(Map.entry(next, edges.get(next).iterator()));
          } else if (onStack.contains(next)) {
            lowLink.put(node, Math.min(lowLink.get(node), index.get(next)));
          }
          continue;
        }
        work.pop();
        if (!work.isEmpty()) {
          String parent = work.peek().getKey();
          lowLink.put(parent, Math.min(lowLink.get(parent), lowLink.get(node)));
        }
        if (lowLink.get(node).equals(index.get(node))) {
          List<String> component = new ArrayList<>();
          String member;
          do {
            member = stack.pop();
            onStack.remove(member);
            component.add(member);
          } while (!member.equals(node));
          components.add(component);
        }
      }
    }

    private void enter(String node) {
      index.put(node, counter);
      lowLink.put(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
    }
  }
}
