// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jooq.SQLDialect;

/** MariaDB: mariadb-dump and the mariadb client. */
final class MariaDbBench implements BenchDialect {
  /** Statements per second of run time asked for: about what a loaded 2-core machine manages. */
  private static final int UPDATES_PER_SECOND = 300;

  /** Long enough for the purge of a million-row update on a loaded machine. */
  private static final java.time.Duration PURGE_WAIT = java.time.Duration.ofMinutes(3);

  private final ServerAddress address;

  MariaDbBench(ServerAddress address) {
    this.address = address;
  }

  @Override
  public String displayName() {
    return "MariaDB";
  }

  @Override
  public String resourceFolder() {
    return "mariadb";
  }

  @Override
  public SQLDialect jooqDialect() {
    return SQLDialect.MARIADB;
  }

  @Override
  public ServerAddress address() {
    return address;
  }

  @Override
  public String jdbcUrl(String database) {
    return "jdbc:mariadb://" + address.host() + ":" + address.port() + "/" + database;
  }

  @Override
  public void dropDatabase(Connection admin, String database) throws SQLException {
    try (Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database);
    }
  }

  @Override
  public void emptyTables(Connection connection, List<String> tables) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET FOREIGN_KEY_CHECKS = 0");
      try {
        for (String table : tables) {
          statement.execute("TRUNCATE TABLE " + table);
        }
      } finally {
        statement.execute("SET FOREIGN_KEY_CHECKS = 1");
      }
    }
  }

  @Override
  public String cacheSetting(Connection connection) throws SQLException {
    return "innodb_buffer_pool_size = "
        + BenchDatabases.queryLong(connection, "SELECT @@innodb_buffer_pool_size") / (1024 * 1024)
        + " MiB";
  }

  @Override
  public void settleChangeLog(Connection staging) throws SQLException {
    new InnoDbPurge(staging).awaitCaughtUp(PURGE_WAIT);
    try (Statement statement = staging.createStatement()) {
      statement.execute("ANALYZE TABLE STAGLOGROWS, STAGLOGDONE");
    }
  }

  @Override
  public Map<String, String> clientEnvironment() {
    return Map.of("MYSQL_PWD", address.password());
  }

  @Override
  public String dumpAndLoadName() {
    return "mariadb-dump | mariadb";
  }

  @Override
  public String dumpAndLoadScript(String from, String to, List<String> tables) {
    // MariaDB cannot disable triggers: the load switches capture off for its session, as a DBA
    // refreshing staging would. The dump's header already turns foreign key checks off.
    return "mariadb-dump --no-create-info --skip-triggers --single-transaction"
        + connection()
        + " "
        + from
        + " "
        + String.join(" ", tables)
        + " | mariadb --init-command=\"SET @staging_capture = 'off'\""
        + connection()
        + " "
        + to;
  }

  @Override
  public List<String> runFileInOneTransaction(String database, Path file) {
    // the file starts with START TRANSACTION and ends with COMMIT (see scriptPrologue)
    List<String> command = mariadb(database);
    command.addAll(List.of("-e", "source " + file));
    return command;
  }

  @Override
  public void setChangeSet(Connection connection, String changeSet) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SET @staging_change_set = ?")) {
      ps.setString(1, changeSet);
      ps.execute();
    }
  }

  @Override
  public List<String> runStatement(String database, String sql) {
    List<String> command = mariadb(database);
    command.addAll(List.of("-e", sql));
    return command;
  }

  @Override
  public String scriptPrologue() {
    return "START TRANSACTION;\n";
  }

  @Override
  public String scriptEpilogue() {
    return "COMMIT;\n";
  }

  @Override
  public double singleRowUpdateMillis(
      ProcessRunner runner, String database, long maxId, int seconds) {
    // No pgbench for MariaDB: the same random single-row updates, pre-generated, autocommitted
    // one by one by the mariadb client; its start-up is amortised over the statements.
    int count = UPDATES_PER_SECOND * seconds;
    Path script = runner.workDir().resolve("single-row-updates-" + database + ".sql");
    SplittableRandom random = new SplittableRandom(count);
    try (Writer writer = Files.newBufferedWriter(script, StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        writer.write(
            "UPDATE CATENTRY SET PRICE = PRICE + 0.01 WHERE CATENTRY_ID = "
                + random.nextLong(1, maxId + 1)
                + ";\n");
      }
    } catch (IOException e) {
      throw new BenchException("cannot write " + script + ": " + e.getMessage(), e);
    }
    List<String> command = mariadb(database);
    command.addAll(List.of("-e", "source " + script));
    Sample sample = runner.run("single-row-" + database, command, clientEnvironment());
    return sample.seconds() * 1000 / count;
  }

  private String connection() {
    return " -h " + address.host() + " -P " + address.port() + " -u " + address.user();
  }

  private List<String> mariadb(String database) {
    return new ArrayList<>(
        List.of(
            "mariadb",
            "-h",
            address.host(),
            "-P",
            Integer.toString(address.port()),
            "-u",
            address.user(),
            database));
  }
}
