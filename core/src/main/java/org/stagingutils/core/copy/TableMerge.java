// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.copy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.stagingutils.core.dialect.Dialect;
import org.stagingutils.core.metadata.TableMetadata;

/**
 * The statements that make one staged table in staging equal to production. Production's rows are
 * first loaded into a session-private shadow table; staging rows are then updated in place,
 * inserted or deleted by key. Rows that stay keep their identity, so rows of tables that are not
 * copied (orders referencing a catalog entry) keep what they reference, and no cascade fires for
 * them.
 */
final class TableMerge {
  private final Dialect dialect;
  private final TableMetadata table;
  private final TableMetadata production;
  private final String shadow;
  private final List<String> deferred;

  TableMerge(
      Dialect dialect,
      TableMetadata table,
      TableMetadata production,
      String shadow,
      List<String> deferred) {
    this.dialect = dialect;
    this.table = table;
    this.production = production;
    this.shadow = shadow;
    this.deferred = List.copyOf(deferred);
  }

  TableMetadata table() {
    return table;
  }

  String name() {
    return table.name().name();
  }

  List<String> columns() {
    return table.columnNames();
  }

  String shadowTable() {
    return dialect.quote(shadow);
  }

  /** Production's rows, read on the production connection. */
  String selectProduction() {
    return "SELECT " + columnList("") + " FROM " + dialect.qualify(production.name());
  }

  /** A multi-row INSERT into the shadow table, with placeholders for {@code rows} rows. */
  String insertIntoShadow(int rows) {
    return insertOfRows(shadowTable(), rows);
  }

  /** A multi-row INSERT straight into the staged table, for {@link #loadsDirectly()} tables. */
  String insertIntoTable(int rows) {
    return insertOfRows(target(), rows);
  }

  /** The staged table, quoted and qualified. */
  String targetTable() {
    return target();
  }

  /**
   * Whether production's rows can go straight into the staged table when it is empty: not when some
   * of its columns must be written NULL first and set later (a self-reference or a cycle while the
   * database checks foreign keys), which needs the shadow table's second pass.
   */
  boolean loadsDirectly() {
    return deferred.isEmpty();
  }

  private String insertOfRows(String into, int rows) {
    String row =
        table.columns().stream()
            .map(dialect::valueParameter)
            .collect(Collectors.joining(", ", "(", ")"));
    return "INSERT INTO "
        + into
        + " ("
        + columnList("")
        + ") VALUES "
        + String.join(", ", Collections.nCopies(rows, row));
  }

  List<String> createShadow() {
    return dialect.createShadowTableSql(table, shadow);
  }

  List<String> analyzeShadow() {
    return dialect.analyzeShadowTableSql(shadow);
  }

  /** Parents first: update the rows staging shares with production, insert the missing ones. */
  List<String> updateAndInsert() {
    List<String> sql = new ArrayList<>();
    List<String> key = table.captureKey().orElseThrow().columns();
    List<String> updated =
        columns().stream().filter(c -> !key.contains(c) && !deferred.contains(c)).toList();
    if (!updated.isEmpty()) {
      sql.add(dialect.updateFromShadowSql(table, shadow, updated));
    }
    String values =
        columns().stream()
            .map(c -> deferred.contains(c) ? "NULL" : "s." + dialect.quote(c))
            .collect(Collectors.joining(", "));
    sql.add(
        "INSERT INTO "
            + target()
            + " ("
            + columnList("")
            + ") SELECT "
            + values
            + " FROM "
            + shadowTable()
            + " s WHERE NOT EXISTS (SELECT 1 FROM "
            + target()
            + " t WHERE "
            + dialect.keyMatch(table, "t", "s")
            + ")");
    return sql;
  }

  /** Once every row exists: the self-references and cycle references held back as NULL. */
  List<String> restoreDeferred() {
    return deferred.isEmpty()
        ? List.of()
        : List.of(dialect.updateFromShadowSql(table, shadow, deferred));
  }

  /**
   * Before any delete: rows about to go may reference each other, within the table or across a
   * cycle, and databases that check foreign keys need those references gone first.
   */
  List<String> detachMissing() {
    return deferred.isEmpty()
        ? List.of()
        : List.of(
            "UPDATE "
                + target()
                + " SET "
                + deferred.stream()
                    .map(c -> dialect.quote(c) + " = NULL")
                    .collect(Collectors.joining(", "))
                + missing());
  }

  /** Children first: delete the rows production does not have. */
  List<String> deleteMissing() {
    return List.of("DELETE FROM " + target() + missing());
  }

  private String missing() {
    return " WHERE NOT EXISTS (SELECT 1 FROM "
        + shadowTable()
        + " s WHERE "
        + dialect.keyMatch(table, "s", target())
        + ")";
  }

  List<String> dropShadow() {
    return dialect.dropShadowTableSql(shadow);
  }

  private String target() {
    return dialect.qualify(table.name());
  }

  private String columnList(String prefix) {
    return columns().stream().map(c -> prefix + dialect.quote(c)).collect(Collectors.joining(", "));
  }
}
