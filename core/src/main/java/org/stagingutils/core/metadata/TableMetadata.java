// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.metadata;

import java.util.List;
import java.util.Optional;

/**
 * What the suite knows about one table: columns in ordinal order, primary key, unique indexes and
 * the foreign keys it holds.
 */
public record TableMetadata(
    TableName name,
    List<Column> columns,
    Optional<Key> primaryKey,
    List<Key> uniqueKeys,
    List<ForeignKey> foreignKeys) {

  public TableMetadata {
    columns = List.copyOf(columns);
    uniqueKeys = List.copyOf(uniqueKeys);
    foreignKeys = List.copyOf(foreignKeys);
  }

  /**
   * By name alone, which equal tables share: tables key the maps a run looks up once per pending
   * row, where the record's own hash would walk every column and key each time.
   */
  @Override
  public int hashCode() {
    return name.hashCode();
  }

  /**
   * The key that identifies a row in the change log: the primary key, else the first unique index
   * whose columns are all NOT NULL. A unique index that allows NULLs cannot be one: any number of
   * rows may hold NULL there, and no key value would find one of them in production.
   */
  public Optional<Key> captureKey() {
    if (primaryKey.isPresent()) {
      return primaryKey;
    }
    return uniqueKeys.stream()
        .filter(k -> k.columns().stream().allMatch(c -> !column(c).nullable()))
        .findFirst();
  }

  /** Primary key and unique indexes: every key production could collide on. */
  public List<Key> allKeys() {
    return primaryKey.map(pk -> concat(pk, uniqueKeys)).orElse(uniqueKeys);
  }

  public Column column(String columnName) {
    return columns.stream()
        .filter(c -> c.name().equals(columnName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no column " + columnName + " in " + name));
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  private static List<Key> concat(Key first, List<Key> rest) {
    var all = new java.util.ArrayList<Key>(rest.size() + 1);
    all.add(first);
    all.addAll(rest);
    return List.copyOf(all);
  }
}
