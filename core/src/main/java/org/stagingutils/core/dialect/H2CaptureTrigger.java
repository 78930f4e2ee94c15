// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.h2.api.Trigger;

/**
 * The capture trigger of H2, whose triggers are Java classes. H2 runs it inside the editing
 * session, so it sees that session's {@code @STAGING_CAPTURE} and {@code @STAGING_CHANGE_SET}. It
 * runs inside every program that opens the staging database, so it depends on nothing but H2 and
 * this jar: its key columns come from the captured-table registry, written before it is created.
 */
public final class H2CaptureTrigger implements Trigger {
  private String insertSql;
  private String tableName;
  private List<String> columnNames;
  private int[] keyPositions;

  @Override
  public void init(
      Connection conn, String schema, String trigger, String table, boolean before, int type)
      throws SQLException {
    this.tableName = table;
    this.columnNames = new ArrayList<>();
    try (var rs = conn.getMetaData().getColumns(null, schema, table, null)) {
      while (rs.next()) {
        if (table.equals(rs.getString("TABLE_NAME"))
            && schema.equals(rs.getString("TABLE_SCHEM"))) {
          columnNames.add(rs.getString("COLUMN_NAME"));
        }
      }
    }
    List<String> keyColumns = registeredKey(conn, schema, table);
    keyPositions = keyColumns.stream().mapToInt(columnNames::indexOf).toArray();
    insertSql =
        "INSERT INTO "
            + quote(schema)
            + "."
            + logTable(conn, schema)
            + " (STGTABLE, STGOP, STGOKEY, STGNKEY, STGOROW, STGCHANGESET)"
            + " VALUES (?, ?, ?, ?, ?, ?)";
  }

  /**
   * Where the log rows go: {@code STAGLOGROWS} from control schema 3 on. A database still at an
   * older schema (editors got this jar before any run upgraded it) keeps its {@code STAGLOG} table.
   */
  private static String logTable(Connection conn, String schema) throws SQLException {
    try (var rs = conn.getMetaData().getTables(null, schema, "STAGLOGROWS", null)) {
      return rs.next() ? "STAGLOGROWS" : "STAGLOG";
    }
  }

  private static List<String> registeredKey(Connection conn, String schema, String table)
      throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT KEY_COLUMNS FROM " + quote(schema) + ".STAGTABLES WHERE TABLE_NAME = ?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException(
              "table " + table + " is not registered for capture: run stagingcopy again");
        }
        return List.of(rs.getString(1).split(","));
      }
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    String changeSet;
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT @STAGING_CAPTURE, @STAGING_CHANGE_SET")) {
      rs.next();
      if ("off".equals(rs.getString(1))) {
        return;
      }
      changeSet = rs.getString(2);
    }
    String op = oldRow == null ? "I" : newRow == null ? "D" : "U";
    try (PreparedStatement ps = conn.prepareStatement(insertSql)) {
      ps.setString(1, tableName);
      ps.setString(2, op);
      ps.setString(3, oldRow == null ? null : key(oldRow));
      ps.setString(4, newRow == null ? null : key(newRow));
      ps.setString(
          5, oldRow == null ? null : JsonValues.object(columnNames, Arrays.asList(oldRow)));
      ps.setString(6, changeSet == null || changeSet.isEmpty() ? null : changeSet);
      ps.executeUpdate();
    }
  }

  private String key(Object[] row) {
    List<Object> values = new ArrayList<>(keyPositions.length);
    for (int position : keyPositions) {
      values.add(row[position]);
    }
    return JsonValues.array(values);
  }
}
