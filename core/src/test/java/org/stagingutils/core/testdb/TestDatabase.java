// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.testdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

/** A fresh database owned by one test; closing it drops the database. */
public final class TestDatabase implements AutoCloseable {
  private final DatabaseKind kind;
  private final String name;
  private final String url;
  private final String user;
  private final String password;
  private final DatabaseServer server;
  private final AtomicBoolean closed = new AtomicBoolean();

  TestDatabase(
      DatabaseKind kind,
      String name,
      String url,
      String user,
      String password,
      DatabaseServer server) {
    this.kind = kind;
    this.name = name;
    this.url = url;
    this.user = user;
    this.password = password;
    this.server = server;
  }

  public DatabaseKind kind() {
    return kind;
  }

  /** The database's name on its server, such as {@code stg_1f0c9a3be27d4c55}. */
  public String name() {
    return name;
  }

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** A new connection in autocommit mode; the caller closes it. */
  public Connection connection() throws SQLException {
    Connection connection = DriverManager.getConnection(url, user, password);
    connection.setAutoCommit(true);
    return connection;
  }

  /** Runs each statement in turn on one connection, stopping at the first failure. */
  public void execute(String... sql) throws SQLException {
    try (Connection connection = connection();
        Statement statement = connection.createStatement()) {
      for (String each : sql) {
        statement.execute(each);
      }
    }
  }

  /** Drops the database; safe to call more than once. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    OpenDatabases.forget(this);
    try {
      server.dropDatabase(name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not drop test database " + name + " (" + kind + "): " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return kind + " test database " + name;
  }
}
