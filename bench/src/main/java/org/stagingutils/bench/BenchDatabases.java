// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production and staging databases of one server, created under names no one else uses
 * (bench_PID_...) and dropped by {@link #close()}: the harness never touches another database.
 */
final class BenchDatabases implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BenchDatabases.class);

  private final BenchDialect dialect;
  private final String production;
  private final String staging;
  private Connection productionConnection;
  private Connection stagingConnection;

  BenchDatabases(BenchDialect dialect, String prefix) {
    this.dialect = dialect;
    this.production = prefix + "_production";
    this.staging = prefix + "_staging";
  }

  /** Creates both databases with the catalog's tables and fills production. */
  void create(Catalog catalog) throws SQLException {
    try (Connection admin = admin();
        Statement statement = admin.createStatement()) {
      for (String database : new String[] {production, staging}) {
        dialect.dropDatabase(admin, database);
        statement.execute("CREATE DATABASE " + database);
      }
    }
    productionConnection = open(production);
    stagingConnection = open(staging);
    String folder = "/org/stagingutils/bench/" + dialect.resourceFolder() + "/";
    SqlScript tables = SqlScript.load(folder + "catalog.sql", catalog.placeholders());
    tables.execute(productionConnection);
    tables.execute(stagingConnection);
    long start = System.nanoTime();
    SqlScript.load(folder + "generate.sql", catalog.placeholders()).execute(productionConnection);
    LOG.info(
        "{}: generated about {} catalog rows in {}s",
        dialect.displayName(),
        catalog.approximateRows(),
        Math.round((System.nanoTime() - start) / 1e9));
  }

  String production() {
    return production;
  }

  String staging() {
    return staging;
  }

  Connection productionConnection() {
    return productionConnection;
  }

  Connection stagingConnection() {
    return stagingConnection;
  }

  long countRows(Connection connection) throws SQLException {
    long rows = 0;
    for (String table : Catalog.TABLES) {
      rows += queryLong(connection, "SELECT COUNT(*) FROM " + table);
    }
    return rows;
  }

  static long queryLong(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  static int update(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      return statement.executeUpdate(sql);
    }
  }

  String serverVersion() throws SQLException {
    try (Statement statement = productionConnection.createStatement();
        ResultSet result = statement.executeQuery("SELECT version()")) {
      result.next();
      String version = result.getString(1);
      int compiled = version.indexOf(" on ");
      return (compiled > 0 ? version.substring(0, compiled) : version)
          + " ("
          + dialect.cacheSetting(productionConnection)
          + ")";
    }
  }

  @Override
  public void close() throws SQLException {
    for (Connection connection : new Connection[] {productionConnection, stagingConnection}) {
      if (connection != null) {
        connection.close();
      }
    }
    try (Connection admin = admin()) {
      dialect.dropDatabase(admin, production);
      dialect.dropDatabase(admin, staging);
    }
    LOG.info("{}: dropped {} and {}", dialect.displayName(), production, staging);
  }

  private Connection admin() throws SQLException {
    ServerAddress address = dialect.address();
    return DriverManager.getConnection(address.adminUrl(), address.user(), address.password());
  }

  private Connection open(String database) throws SQLException {
    ServerAddress address = dialect.address();
    return DriverManager.getConnection(
        dialect.jdbcUrl(database), address.user(), address.password());
  }
}
