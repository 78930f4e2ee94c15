// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.SQLDialect;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.metadata.Column;
import org.stagingutils.core.metadata.TableMetadata;
import org.stagingutils.core.metadata.TableName;

/** H2 2.x, the embedded default. Its triggers are Java: see {@link H2CaptureTrigger}. */
public final class H2Dialect implements Dialect {
  private static final int MAX_IDENTIFIER = 256;

  @Override
  public String id() {
    return "h2";
  }

  @Override
  public Optional<String> refusedType(Column column) {
    return column.jdbcType() == java.sql.Types.ARRAY
        ? Optional.of(
            "conflict checking cannot compare arrays, so every edited row seems to conflict")
        : Optional.empty();
  }

  @Override
  public boolean handlesJdbcUrl(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:h2:");
  }

  @Override
  public SQLDialect jooqDialect() {
    return SQLDialect.H2;
  }

  @Override
  public void checkSupported(DatabaseMetaData metaData) throws SQLException {
    if (metaData.getDatabaseMajorVersion() < 2) {
      throw StagingException.configuration(
          "H2 " + metaData.getDatabaseProductVersion() + " is not supported: use H2 2.x");
    }
  }

  @Override
  public String foldUnquoted(String identifier) {
    return identifier.toUpperCase(Locale.ROOT);
  }

  @Override
  public String currentSchema(Connection connection) throws SQLException {
    return connection.getSchema();
  }

  @Override
  public String columnsJson(TableMetadata table, List<String> columns, String rowAlias) {
    return function(table, "STAGING_KEY_JSON")
        + "("
        + columns.stream().map(c -> rowAlias + "." + quote(c)).collect(Collectors.joining(", "))
        + ")";
  }

  @Override
  public String rowImageJson(TableMetadata table, String rowAlias) {
    return function(table, "STAGING_ROW_JSON")
        + "("
        + table.columns().stream()
            .map(c -> literal(c.name()) + ", " + rowAlias + "." + quote(c.name()))
            .collect(Collectors.joining(", "))
        + ")";
  }

  private String function(TableMetadata table, String name) {
    return table.name().schema().map(s -> quote(s) + "." + name).orElse(name);
  }

  @Override
  public boolean readsThroughInstalledFunctions() {
    return true;
  }

  @Override
  public List<String> installCaptureSql(TableMetadata table, TableName changeLog) {
    return List.of(
        removeCaptureSql(table).get(0),
        "CREATE TRIGGER "
            + trigger(table)
            + " AFTER INSERT, UPDATE, DELETE ON "
            + qualify(table.name())
            + " FOR EACH ROW CALL "
            + literal(H2CaptureTrigger.class.getName()));
  }

  @Override
  public List<String> removeCaptureSql(TableMetadata table) {
    return List.of("DROP TRIGGER IF EXISTS " + trigger(table));
  }

  private String trigger(TableMetadata table) {
    String name = quote(CaptureNames.forTable(table.name().name(), "", MAX_IDENTIFIER));
    return table.name().schema().map(s -> quote(s) + "." + name).orElse(name);
  }

  @Override
  public void setCaptureEnabled(Connection connection, boolean enabled) throws SQLException {
    setUserVariable(connection, "SET @STAGING_CAPTURE = ?", enabled ? "on" : "off");
  }

  @Override
  public void setChangeSet(Connection connection, String changeSet) throws SQLException {
    setUserVariable(connection, "SET @STAGING_CHANGE_SET = ?", changeSet);
  }

  private static void setUserVariable(Connection connection, String sql, String value)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, value);
      ps.execute();
    }
  }

  @Override
  public Optional<RunLock> tryRunLock(Connection connection, TableName lockTable)
      throws SQLException {
    // H2 has no advisory locks: a row lock held by an open transaction does the same job and
    // also disappears with the connection.
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement()) {
      s.execute("SET LOCK_TIMEOUT 100");
      s.executeQuery("SELECT * FROM " + qualify(lockTable) + " FOR UPDATE").close();
    } catch (SQLException e) {
      if (e.getErrorCode() == org.h2.api.ErrorCode.LOCK_TIMEOUT_1) {
        // A pool (HikariCP) may already have closed the connection: it treats any
        // SQLTimeoutException as fatal. Nothing is held either way.
        rollbackQuietly(connection);
        return Optional.empty();
      }
      connection.rollback();
      throw e;
    }
    return Optional.of(connection::rollback);
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // closed already: its transaction, and any lock in it, is gone
    }
  }

  @Override
  public List<String> lockTimeoutSql(Duration timeout) {
    return List.of("SET LOCK_TIMEOUT " + timeout.toMillis());
  }

  @Override
  public boolean reportsLockTimeout(SQLException e) {
    return e.getErrorCode() == org.h2.api.ErrorCode.LOCK_TIMEOUT_1;
  }

  @Override
  public boolean reportsMissingPrivilege(SQLException e) {
    return e.getErrorCode() == org.h2.api.ErrorCode.NOT_ENOUGH_RIGHTS_FOR_1;
  }

  @Override
  public String captureSwitchSql(boolean enabled) {
    return "SET @STAGING_CAPTURE = '" + (enabled ? "on" : "off") + "'";
  }

  @Override
  public List<String> createShadowTableSql(TableMetadata table, String shadow) {
    // TRANSACTIONAL keeps the open transaction open (any DROP would commit it); a rollback
    // removes the table as well.
    String key =
        table.captureKey().orElseThrow().columns().stream()
            .map(this::quote)
            .collect(Collectors.joining(", "));
    return List.of(
        "CREATE LOCAL TEMPORARY TABLE "
            + quote(shadow)
            + " (UNIQUE ("
            + key
            + ")) ON COMMIT DROP TRANSACTIONAL AS SELECT * FROM "
            + qualify(table.name())
            + " WITH NO DATA");
  }

  @Override
  public String updateFromShadowSql(TableMetadata table, String shadow, List<String> columns) {
    return "MERGE INTO "
        + qualify(table.name())
        + " t USING "
        + quote(shadow)
        + " s ON ("
        + keyMatch(table, "t", "s")
        + ") WHEN MATCHED THEN UPDATE SET "
        + columns.stream()
            .map(c -> quote(c) + " = s." + quote(c))
            .collect(Collectors.joining(", "));
  }
}
