// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Steps of the H2 control-schema migrations that depend on what a killed earlier run left behind.
 * H2's SQL has no conditionals, its DDL commits statement by statement, and {@code DROP VIEW IF
 * EXISTS} fails on a table of that name, so these are registered as functions and called.
 */
public final class H2SchemaSteps {
  private H2SchemaSteps() {}

  /**
   * {@code STAGING_REPLACE_BY_VIEW('STAGLOG', 'STAGLOGROWS')}: renames table {@code name} to {@code
   * newName}; if {@code name} is already the view that replaces it (the run that created it was
   * killed before recording itself), drops that view so that the script can create it again.
   */
  public static int replaceByView(Connection connection, String name, String newName)
      throws SQLException {
    String type = tableType(connection, name);
    if (type == null) {
      return 0;
    }
    try (Statement s = connection.createStatement()) {
      s.execute(
          "VIEW".equals(type)
              ? "DROP VIEW " + quote(name)
              : "ALTER TABLE " + quote(name) + " RENAME TO " + quote(newName));
    }
    return 1;
  }

  private static String tableType(Connection connection, String name) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
