// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a staged table differs between staging and production: columns, types, nullability, keys and
 * foreign keys. Copy and propagation move rows column by column, so any difference is an error.
 */
public final class TableDifferences {
  private TableDifferences() {}

  /** The differences as sentences, one per difference. */
  public static List<String> between(TableMetadata staging, TableMetadata production) {
    return of(staging, production).stream().map(TableDifference::message).toList();
  }

  /** The differences with the column concerned and both sides' definitions. */
  public static List<TableDifference> of(TableMetadata staging, TableMetadata production) {
    List<TableDifference> differences = new ArrayList<>();
    String table = staging.name().name();
    for (Column column : staging.columns()) {
      Optional<Column> other =
          production.columns().stream().filter(c -> c.name().equals(column.name())).findFirst();
      if (other.isEmpty()) {
        differences.add(
            new TableDifference(
                Optional.of(column.name()),
                table + "." + column.name() + " exists in staging but not in production",
                Optional.of(describe(column)),
                Optional.empty()));
      } else if (!column.sameDefinitionAs(other.get())) {
        differences.add(
            new TableDifference(
                Optional.of(column.name()),
                table
                    + "."
                    + column.name()
                    + " is "
                    + describe(column)
                    + " in staging but "
                    + describe(other.get())
                    + " in production",
                Optional.of(describe(column)),
                Optional.of(describe(other.get()))));
      }
    }
    for (Column column : production.columns()) {
      if (staging.columns().stream().noneMatch(c -> c.name().equals(column.name()))) {
        differences.add(
            new TableDifference(
                Optional.of(column.name()),
                table + "." + column.name() + " exists in production but not in staging",
                Optional.empty(),
                Optional.of(describe(column))));
      }
    }
    if (!staging.columnNames().equals(production.columnNames()) && differences.isEmpty()) {
      differences.add(
          new TableDifference(
              Optional.empty(),
              table + " has its columns in a different order in staging and production",
              Optional.of(String.join(", ", staging.columnNames())),
              Optional.of(String.join(", ", production.columnNames()))));
    }
    List<List<String>> stagingKeys = staging.allKeys().stream().map(Key::columns).toList();
    List<List<String>> productionKeys = production.allKeys().stream().map(Key::columns).toList();
    if (!sameKeys(staging, production)) {
      differences.add(
          new TableDifference(
              Optional.empty(),
              table
                  + " has keys "
                  + stagingKeys
                  + " in staging but "
                  + productionKeys
                  + " in production",
              Optional.of(stagingKeys.toString()),
              Optional.of(productionKeys.toString())));
    }
    List<String> stagingFks = foreignKeys(staging);
    List<String> productionFks = foreignKeys(production);
    if (!stagingFks.equals(productionFks)) {
      differences.add(
          new TableDifference(
              Optional.empty(),
              table
                  + " has foreign keys "
                  + stagingFks
                  + " in staging but "
                  + productionFks
                  + " in production",
              Optional.of(stagingFks.toString()),
              Optional.of(productionFks.toString())));
    }
    return differences;
  }

  private static boolean sameKeys(TableMetadata staging, TableMetadata production) {
    return staging.primaryKey().map(Key::columns).equals(production.primaryKey().map(Key::columns))
        && staging.uniqueKeys().stream()
            .map(Key::columns)
            .sorted(TableDifferences::compare)
            .toList()
            .equals(
                production.uniqueKeys().stream()
                    .map(Key::columns)
                    .sorted(TableDifferences::compare)
                    .toList());
  }

  private static List<String> foreignKeys(TableMetadata table) {
    return table.foreignKeys().stream()
        .map(
            fk ->
                fk.columns()
                    + "->"
                    + fk.referencedTable().name()
                    + fk.referencedColumns()
                    + " on delete "
                    + fk.deleteRule())
        .sorted()
        .toList();
  }

  private static int compare(List<String> a, List<String> b) {
    return String.join(",", a).compareTo(String.join(",", b));
  }

  /** A column's definition as schema problems show it: type, size and nullability. */
  public static String describe(Column column) {
    String size =
        column.size() > 0
            ? "(" + column.size() + (column.scale() > 0 ? "," + column.scale() : "") + ")"
            : "";
    return column.typeName() + size + (column.nullable() ? "" : " NOT NULL");
  }
}
