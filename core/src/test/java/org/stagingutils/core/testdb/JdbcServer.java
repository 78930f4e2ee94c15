// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.testdb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A PostgreSQL or MariaDB server on which every test database is one CREATE DATABASE. */
final class JdbcServer implements DatabaseServer {
  private final ServerEndpoint endpoint;

  JdbcServer(ServerEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public TestDatabase createDatabase(String name) throws SQLException {
    // Encoding and collation explicit, so that results do not depend on server defaults.
    String create =
        switch (endpoint.kind()) {
          case POSTGRESQL -> "CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0";
          case MARIADB ->
              "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
          case H2 -> throw new IllegalStateException("H2 needs no server");
        };
    try (Connection connection = endpoint.adminConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(create);
    }
    return new TestDatabase(
        endpoint.kind(), name, endpoint.urlOf(name), endpoint.user(), endpoint.password(), this);
  }

  @Override
  public void dropDatabase(String name) throws SQLException {
    try (Connection connection = endpoint.adminConnection();
        Statement statement = connection.createStatement()) {
      if (endpoint.kind() == DatabaseKind.POSTGRESQL) {
        // FORCE (PostgreSQL 13+) ends connections a failed test left open.
        statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      } else {
        // A connection left open inside a transaction would make DROP wait for its locks.
        for (long id : mariaDbSessionsUsing(connection, name)) {
          killQuietly(statement, id);
        }
        statement.execute("DROP DATABASE IF EXISTS " + name);
      }
    }
  }

  private static void killQuietly(Statement statement, long id) throws SQLException {
    try {
      statement.execute("KILL CONNECTION " + id);
    } catch (SQLException e) {
      // 1094 "Unknown thread id": the session ended on its own since we listed it.
      if (e.getErrorCode() != 1094) {
        throw e;
      }
    }
  }

  private static List<Long> mariaDbSessionsUsing(Connection connection, String name)
      throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()")) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
    }
    return ids;
  }
}
