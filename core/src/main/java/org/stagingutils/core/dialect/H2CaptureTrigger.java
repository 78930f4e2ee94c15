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
 * session, so it sees that session's {@code @STAGING_CAPTURE} and {@code @STAGING_CHANGE_SET}. The
 * class must be on the classpath of every program that opens the staging database.
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
    List<String> keyColumns = H2Dialect.captureKeyColumns(conn, schema, table);
    try (var rs = conn.getMetaData().getColumns(null, schema, table, null)) {
      while (rs.next()) {
        columnNames.add(rs.getString("COLUMN_NAME"));
      }
    }
    keyPositions = keyColumns.stream().mapToInt(columnNames::indexOf).toArray();
    H2Dialect dialect = new H2Dialect();
    insertSql =
        "INSERT INTO "
            + dialect.quote(schema)
            + "."
            + dialect.quote("STAGLOG")
            + " (STGTABLE, STGOP, STGOKEY, STGNKEY, STGOROW, STGCHANGESET) VALUES (?, ?, ?, ?, ?, ?)";
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
