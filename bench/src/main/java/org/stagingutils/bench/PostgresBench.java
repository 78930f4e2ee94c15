// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.io.IOException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.SQLDialect;

/** PostgreSQL: pg_dump, psql and pgbench. */
final class PostgresBench implements BenchDialect {
  private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

  private final ServerAddress address;

  PostgresBench(ServerAddress address) {
    this.address = address;
  }

  @Override
  public String displayName() {
    return "PostgreSQL";
  }

  @Override
  public String resourceFolder() {
    return "postgresql";
  }

  @Override
  public SQLDialect jooqDialect() {
    return SQLDialect.POSTGRES;
  }

  @Override
  public ServerAddress address() {
    return address;
  }

  @Override
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + address.host() + ":" + address.port() + "/" + database;
  }

  @Override
  public void dropDatabase(Connection admin, String database) throws SQLException {
    try (Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  @Override
  public void emptyTables(Connection connection, List<String> tables) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("TRUNCATE " + String.join(", ", tables));
    }
  }

  @Override
  public String cacheSetting(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        java.sql.ResultSet result = statement.executeQuery("SHOW shared_buffers")) {
      result.next();
      return "shared_buffers = " + result.getString(1);
    }
  }

  @Override
  public void settleChangeLog(Connection staging) throws SQLException {
    // VACUUM cannot run in a transaction block: the harness's connections autocommit.
    try (Statement statement = staging.createStatement()) {
      statement.execute("VACUUM (ANALYZE) STAGLOGROWS, STAGLOGDONE");
    }
  }

  @Override
  public Map<String, String> clientEnvironment() {
    return Map.of("PGPASSWORD", address.password(), "PGCONNECT_TIMEOUT", "10");
  }

  @Override
  public String dumpAndLoadName() {
    return "pg_dump | psql";
  }

  @Override
  public String dumpAndLoadScript(String from, String to, List<String> tables) {
    // --disable-triggers, as pg_dump advises for data-only dumps: it also spares the capture
    // triggers, which a DBA would not want to fire while refreshing staging.
    StringBuilder dump =
        new StringBuilder("pg_dump --data-only --disable-triggers")
            .append(connection())
            .append(" -d ")
            .append(from);
    for (String table : tables) {
      dump.append(" -t ").append(table.toLowerCase(java.util.Locale.ROOT));
    }
    return dump
        + " | psql -X -q -v ON_ERROR_STOP=1 -1"
        + connection()
        + " -d "
        + to
        + " >/dev/null";
  }

  @Override
  public List<String> runFileInOneTransaction(String database, Path file) {
    List<String> command = psql(database);
    command.addAll(List.of("-1", "-f", file.toString()));
    return command;
  }

  @Override
  public void setChangeSet(Connection connection, String changeSet) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT set_config('staging.change_set', ?, false)")) {
      ps.setString(1, changeSet == null ? "" : changeSet);
      ps.execute();
    }
  }

  @Override
  public List<String> runStatement(String database, String sql) {
    List<String> command = psql(database);
    command.addAll(List.of("-c", sql));
    return command;
  }

  @Override
  public String scriptPrologue() {
    return "";
  }

  @Override
  public String scriptEpilogue() {
    return "";
  }

  @Override
  public double singleRowUpdateMillis(
      ProcessRunner runner, String database, long maxId, int seconds) {
    Path script = runner.workDir().resolve("pgbench-update.sql");
    try {
      Files.writeString(
          script,
          "\\set id random(1, "
              + maxId
              + ")\nUPDATE catentry SET price = price + 0.01 WHERE catentry_id = :id;\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BenchException("cannot write " + script + ": " + e.getMessage(), e);
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                "pgbench",
                "-n",
                "-c",
                "1",
                "-T",
                Integer.toString(seconds),
                "-f",
                script.toString(),
                "-h",
                address.host(),
                "-p",
                Integer.toString(address.port()),
                "-U",
                address.user(),
                database));
    runner.run("pgbench-" + database, command, clientEnvironment());
    Matcher latency = LATENCY.matcher(ProcessRunner.output(runner.lastLog()));
    if (!latency.find()) {
      throw new BenchException("pgbench printed no latency; see " + runner.lastLog());
    }
    return Double.parseDouble(latency.group(1));
  }

  private String connection() {
    return " -h " + address.host() + " -p " + address.port() + " -U " + address.user();
  }

  private List<String> psql(String database) {
    return new ArrayList<>(
        List.of(
            "psql",
            "-X",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            address.host(),
            "-p",
            Integer.toString(address.port()),
            "-U",
            address.user(),
            "-d",
            database));
  }
}
