// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.testdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * In-memory H2: nothing to install, and nothing left on disk. DB_CLOSE_DELAY=-1 keeps the database
 * alive between connections until {@code SHUTDOWN}.
 */
final class H2Server implements DatabaseServer {
  private static final String USER = "sa";
  private static final String PASSWORD = "";

  static String urlOf(String name) {
    return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
  }

  @Override
  public TestDatabase createDatabase(String name) throws SQLException {
    // Opening the first connection is what creates an in-memory database.
    DriverManager.getConnection(urlOf(name), USER, PASSWORD).close();
    return new TestDatabase(DatabaseKind.H2, name, urlOf(name), USER, PASSWORD, this);
  }

  @Override
  public void dropDatabase(String name) throws SQLException {
    try (Connection connection = DriverManager.getConnection(urlOf(name), USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    }
  }
}
