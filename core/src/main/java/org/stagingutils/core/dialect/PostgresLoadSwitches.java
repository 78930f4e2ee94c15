// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a PostgreSQL bulk load into an empty staged table goes without, and how it comes back: the
 * capture trigger, the foreign keys, and the keys and indexes nothing else depends on. An index
 * built once over the loaded rows (a sort) costs a fraction of one maintained row by row, and the
 * foreign keys added back check every row in one join. ALTER TABLE and CREATE INDEX are
 * transactional here, so a failed copy rolls the table back to its original schema; each key and
 * index comes back under its own name from its own definition (pg_get_constraintdef keeps ON
 * DELETE, DEFERRABLE, MATCH and NOT VALID; pg_get_indexdef keeps method, order, INCLUDE, WHERE and
 * storage parameters).
 */
final class PostgresLoadSwitches {
  private static final String FOREIGN_KEYS =
      "SELECT conname, pg_get_constraintdef(oid) FROM pg_catalog.pg_constraint"
          + " WHERE conrelid = CAST(? AS regclass) AND contype = 'f' AND conparentid = 0"
          + " ORDER BY conname";

  private final PostgresDialect dialect;
  private final String table;
  private final List<String> before = new ArrayList<>();
  private final List<String> after = new ArrayList<>();

  private PostgresLoadSwitches(PostgresDialect dialect, String table) {
    this.dialect = dialect;
    this.table = table;
  }

  /**
   * @param table the quoted, qualified name of the staged table
   * @param trigger the quoted name of its capture trigger
   */
  static BulkLoadSwitches of(
      PostgresDialect dialect, Connection connection, String table, String trigger)
      throws SQLException {
    PostgresLoadSwitches switches = new PostgresLoadSwitches(dialect, table);
    switches.before.add("ALTER TABLE " + table + " DISABLE TRIGGER " + trigger);
    List<String> foreignKeys = switches.foreignKeys(connection);
    switches.indexes(connection);
    // Keys and indexes first, so the foreign keys and the trigger come back on a complete table.
    switches.after.addAll(foreignKeys);
    switches.after.add("ALTER TABLE " + table + " ENABLE TRIGGER " + trigger);
    return new BulkLoadSwitches(switches.before, switches.after);
  }

  private List<String> foreignKeys(Connection connection) throws SQLException {
    List<String> addBack = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(FOREIGN_KEYS)) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = dialect.quote(rs.getString(1));
          before.add("ALTER TABLE " + table + " DROP CONSTRAINT " + name);
          addBack.add("ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + rs.getString(2));
        }
      }
    }
    return addBack;
  }

  private void indexes(Connection connection) throws SQLException {
    String query = SqlTemplate.load(dialect.id(), "rebuildable-indexes").render(Map.of()).get(0);
    try (PreparedStatement ps = connection.prepareStatement(query)) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = dialect.quote(rs.getString("name"));
          String definition = rs.getString("definition");
          if (rs.getString("kind").equals("constraint")) {
            before.add("ALTER TABLE " + table + " DROP CONSTRAINT " + name);
            after.add("ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + definition);
          } else {
            before.add("DROP INDEX " + dialect.quote(rs.getString("index_schema")) + "." + name);
            after.add(definition);
          }
        }
      }
    }
  }
}
