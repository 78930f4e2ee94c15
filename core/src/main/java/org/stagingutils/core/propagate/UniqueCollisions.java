// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.stagingutils.core.dialect.Dialect;
import org.stagingutils.core.metadata.Column;
import org.stagingutils.core.metadata.Key;
import org.stagingutils.core.metadata.TableMetadata;

/**
 * Finds the rows that would collide on a unique index (other than the capture key) with another
 * production row. A collision with a row that this same run deletes or changes is not a conflict
 * but an order: the holder is deleted, or parked on a placeholder value, before the row that needs
 * the value is written (so swapping values between two rows works).
 */
final class UniqueCollisions {
  /** What the planner must do about collisions. */
  record Outcome(
      Map<String, Conflict> conflicts,
      Set<String> earlyDeletes,
      Map<String, List<Key>> parked,
      List<FreedValue> freed) {}

  private final Dialect dialect;
  private final int batchSize;

  UniqueCollisions(Dialect dialect, int batchSize) {
    this.dialect = dialect;
    this.batchSize = batchSize;
  }

  /** The unique keys to check: every unique index and primary key except the capture key. */
  static List<Key> keysToCheck(TableMetadata table) {
    Key capture = table.captureKey().orElseThrow();
    return table.allKeys().stream().filter(k -> !k.columns().equals(capture.columns())).toList();
  }

  /** Columns whose staging values the check needs, in a fixed order. */
  static List<Column> columns(TableMetadata table) {
    Set<String> names = new LinkedHashSet<>();
    keysToCheck(table).forEach(k -> names.addAll(k.columns()));
    return names.stream().map(table::column).toList();
  }

  /**
   * @param values staging's values of {@link #columns} per key, for every row staging has
   * @param actions the actions planned so far, by key
   */
  Outcome find(
      TableMetadata table,
      TableMetadata productionTable,
      Map<String, Object[]> values,
      Map<String, RowAction> actions,
      Connection production)
      throws SQLException {
    Map<String, Conflict> conflicts = new LinkedHashMap<>();
    Set<String> earlyDeletes = new LinkedHashSet<>();
    Map<String, List<Key>> parked = new LinkedHashMap<>();
    List<FreedValue> freed = new ArrayList<>();
    List<Column> columns = columns(table);
    Map<String, String> movedTo = new HashMap<>();
    actions.values().stream()
        .filter(a -> a.kind() == RowAction.Kind.MOVE)
        .forEach(a -> movedTo.put(a.fromKey(), a.key()));
    for (Key key : keysToCheck(table)) {
      int[] positions = key.columns().stream().mapToInt(c -> indexOf(columns, c)).toArray();
      Map<List<Object>, String> wanted = new HashMap<>();
      for (RowAction action : actions.values()) {
        if (action.kind() == RowAction.Kind.DELETE) {
          continue;
        }
        List<Object> tuple = tuple(values.get(action.key()), positions);
        if (tuple.stream().noneMatch(v -> v == null)) {
          wanted.put(tuple, action.key());
        }
      }
      for (var holder : holders(productionTable, key, wanted.keySet(), production).entrySet()) {
        String want = lookup(wanted, holder.getValue());
        String holderKey = holder.getKey();
        // A row that changes its key holds its own old value: no collision.
        String holderNow = movedTo.getOrDefault(holderKey, holderKey);
        if (want == null || want.equals(holderNow)) {
          continue;
        }
        RowAction holderAction = actions.get(holderNow);
        if (holderAction != null && holderAction.kind() == RowAction.Kind.DELETE) {
          earlyDeletes.add(holderKey);
          freed.add(new FreedValue(want, holderNow, describe(key, holder.getValue())));
        } else if (holderAction != null
            && !holder.getValue().equals(tuple(values.get(holderNow), positions))
            && parkable(table, key)) {
          parked.computeIfAbsent(holderKey, k -> new ArrayList<>()).add(key);
          freed.add(new FreedValue(want, holderNow, describe(key, holder.getValue())));
        } else {
          conflicts.put(
              want,
              new Conflict(
                  table.name().name(),
                  KeyCodec.asMap(table, want),
                  ConflictKind.UNIQUE,
                  "unique index "
                      + key.name()
                      + " "
                      + key.columns()
                      + " = "
                      + holder.getValue()
                      + " is already used by production row "
                      + KeyCodec.asMap(table, holderKey),
                  java.util.Optional.of(key.name()),
                  differences(key, tuple(values.get(want), positions), holder.getValue())));
        }
      }
    }
    return new Outcome(conflicts, earlyDeletes, parked, freed);
  }

  private static String describe(Key key, List<Object> values) {
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < key.columns().size(); i++) {
      pairs.add(key.columns().get(i) + "=" + values.get(i));
    }
    return "unique value " + String.join(", ", pairs) + " of index " + key.name();
  }

  /** Per column of the key: the value the pending row wants, and the production holder's. */
  private static List<ColumnDifference> differences(
      Key key, List<Object> wanted, List<Object> held) {
    List<ColumnDifference> differences = new ArrayList<>();
    for (int i = 0; i < key.columns().size(); i++) {
      differences.add(new ColumnDifference(key.columns().get(i), wanted.get(i), held.get(i)));
    }
    return differences;
  }

  /** Production rows holding any of the tuples: their key JSON and their values. */
  private Map<String, List<Object>> holders(
      TableMetadata table, Key key, Set<List<Object>> tuples, Connection production)
      throws SQLException {
    Map<String, List<Object>> holders = new LinkedHashMap<>();
    String names =
        key.columns().stream().map(c -> "t." + dialect.quote(c)).collect(Collectors.joining(", "));
    TupleQuery.byValues(dialect, table, key.columns(), batchSize)
        .select(
            production,
            dialect.keyJson(table, "t") + ", " + names,
            tuples,
            rs -> {
              List<Object> values = new ArrayList<>();
              for (int i = 0; i < key.columns().size(); i++) {
                values.add(dialect.readValue(rs, 2 + i, table.column(key.columns().get(i))));
              }
              holders.put(rs.getString(1), values);
            });
    return holders;
  }

  /** Exact match first; else a case-insensitive one, for collations that ignore case. */
  private static String lookup(Map<List<Object>, String> wanted, List<Object> values) {
    String exact = wanted.get(values);
    if (exact != null) {
      return exact;
    }
    return wanted.entrySet().stream()
        .filter(e -> normalised(e.getKey()).equals(normalised(values)))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  private static List<Object> normalised(List<Object> values) {
    return values.stream()
        .map(v -> v instanceof String s ? s.toLowerCase(Locale.ROOT).strip() : v)
        .toList();
  }

  private static List<Object> tuple(Object[] row, int[] positions) {
    if (row == null) {
      return List.of();
    }
    List<Object> tuple = new ArrayList<>(positions.length);
    for (int position : positions) {
      tuple.add(row[position]);
    }
    return tuple;
  }

  private static int indexOf(List<Column> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(name);
  }

  /** A holder can be parked when every column of the key is nullable or wide enough text. */
  static boolean parkable(TableMetadata table, Key key) {
    return key.columns().stream()
        .map(table::column)
        .allMatch(c -> c.nullable() || ParkingValues.isText(c) && c.size() >= 8);
  }
}
