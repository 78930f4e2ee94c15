// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.testdb;

import java.math.BigDecimal;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every row of a table as normalised text, sorted, so that two databases of the same kind can be
 * compared row for row with {@code equals} (and AssertJ shows which rows differ). Values are
 * normalised so that equal data prints equally: binary as hex, LOBs by content, numbers without
 * trailing zeros, everything else by {@code toString}.
 *
 * @param table the table name as the database stores it
 * @param rows one {@code COLUMN=value|...} line per row, sorted
 */
public record TableSnapshot(String table, List<String> rows) {

  public TableSnapshot {
    rows = List.copyOf(rows);
  }

  /** Reads {@code table} (its stored name, in the connection's current schema). */
  public static TableSnapshot of(TestDatabase database, String table) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = database.connection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT * FROM " + quote(database, table))) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.append(i > 1 ? "|" : "")
              .append(meta.getColumnLabel(i))
              .append('=')
              .append(normalise(rs.getObject(i)));
        }
        rows.add(row.toString());
      }
    }
    Collections.sort(rows);
    return new TableSnapshot(table, rows);
  }

  /** Snapshots of several tables, keyed by the given names. */
  public static Map<String, TableSnapshot> of(TestDatabase database, List<String> tables)
      throws SQLException {
    Map<String, TableSnapshot> snapshots = new LinkedHashMap<>();
    for (String table : tables) {
      snapshots.put(table, of(database, table));
    }
    return snapshots;
  }

  public int rowCount() {
    return rows.size();
  }

  /** The identifier quoted for the database's kind. */
  public static String quote(TestDatabase database, String identifier) {
    return database.kind() == DatabaseKind.MARIADB
        ? "`" + identifier + "`"
        : "\"" + identifier + "\"";
  }

  static String normalise(Object value) throws SQLException {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof byte[] bytes) {
      return "0x" + HexFormat.of().formatHex(bytes);
    }
    if (value instanceof Blob blob) {
      return normalise(blob.getBytes(1, Math.toIntExact(blob.length())));
    }
    if (value instanceof Clob clob) {
      return clob.getSubString(1, Math.toIntExact(clob.length()));
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      return normalise(new BigDecimal(value.toString()));
    }
    if (value instanceof Number number) {
      return normalise(new BigDecimal(number.toString()));
    }
    return value.toString();
  }
}
