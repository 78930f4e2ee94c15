// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.SQLDialect;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.metadata.Column;
import org.stagingutils.core.metadata.TableMetadata;
import org.stagingutils.core.metadata.TableName;

/** MariaDB 10.6 and later, and MySQL 8 and later through the MariaDB driver. */
public final class MariaDbDialect implements Dialect {
  private static final int MAX_IDENTIFIER = 64;
  private static final List<String> EVENTS = List.of("insert", "update", "delete");

  @Override
  public String id() {
    return "mariadb";
  }

  @Override
  public Optional<String> refusedType(Column column) {
    return column.typeName().equalsIgnoreCase("BIT")
        ? Optional.of("its bytes are not valid text in the capture triggers' row images")
        : Optional.empty();
  }

  /**
   * TIME and YEAR as the server's text: the driver's objects drop fractions of seconds and wrap
   * TIME values outside 0-24 h, and turn a YEAR into a date the column refuses. The server reads
   * the text back exactly, and renders it in key and row JSON the same way.
   */
  @Override
  public Object readValue(ResultSet row, int index, Column column) throws SQLException {
    return readsAsText(column) ? row.getString(index) : row.getObject(index);
  }

  private static boolean readsAsText(Column column) {
    return column.typeName().equalsIgnoreCase("TIME") || column.typeName().equalsIgnoreCase("YEAR");
  }

  /**
   * The bulk protocol (COM_STMT_BULK_EXECUTE) sends a whole batch of an UPDATE or DELETE as one
   * command, where Connector/J otherwise sends it statement by statement; it then reports no update
   * count per row (SUCCESS_NO_INFO), which the suite never reads. Connector/J 3.2+ applies it to
   * INSERT batches only by default.
   */
  @Override
  public Map<String, String> driverProperties() {
    return Map.of("useBulkStmts", "true");
  }

  @Override
  public boolean handlesJdbcUrl(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:");
  }

  @Override
  public SQLDialect jooqDialect() {
    return SQLDialect.MARIADB;
  }

  @Override
  public void checkSupported(DatabaseMetaData metaData) throws SQLException {
    String version = metaData.getDatabaseProductVersion();
    int major = metaData.getDatabaseMajorVersion();
    int minor = metaData.getDatabaseMinorVersion();
    boolean mariaDb = version.toLowerCase(java.util.Locale.ROOT).contains("mariadb");
    boolean supported = mariaDb ? major > 10 || (major == 10 && minor >= 6) : major >= 8;
    if (!supported) {
      throw StagingException.configuration(
          "database version " + version + " is not supported: use MariaDB 10.6+ or MySQL 8+");
    }
  }

  @Override
  public String foldUnquoted(String identifier) {
    return identifier; // table names keep their case on Linux (lower_case_table_names=0)
  }

  @Override
  public String currentSchema(Connection connection) throws SQLException {
    return connection.getCatalog();
  }

  @Override
  public String metadataCatalog(String schema) {
    return schema;
  }

  @Override
  public String metadataSchema(String schema) {
    return null;
  }

  @Override
  public String columnsJson(TableMetadata table, List<String> columns, String rowAlias) {
    return "JSON_ARRAY("
        + columns.stream()
            .map(c -> jsonValue(table.column(c), rowAlias))
            .collect(Collectors.joining(", "))
        + ")";
  }

  @Override
  public String rowImageJson(TableMetadata table, String rowAlias) {
    return "JSON_OBJECT("
        + table.columns().stream()
            .map(c -> literal(c.name()) + ", " + imageValue(c, rowAlias))
            .collect(Collectors.joining(", "))
        + ")";
  }

  /**
   * Binary values are hex-encoded (JSON text cannot carry arbitrary bytes); TIMESTAMP values, which
   * MariaDB renders in the session's time zone, as seconds since the epoch.
   */
  private String jsonValue(Column column, String rowAlias) {
    String ref = rowAlias + "." + quote(column.name());
    if (isBinary(column)) {
      return "HEX(" + ref + ")";
    }
    return column.typeName().equalsIgnoreCase("TIMESTAMP") ? "UNIX_TIMESTAMP(" + ref + ")" : ref;
  }

  /**
   * A row image is only ever compared, never decoded, so binary values enter it as their SHA-256:
   * in hex a 10 MB value would be 20 MB, more than a default max_allowed_packet lets the trigger
   * build, and every editor's UPDATE of that row would fail.
   */
  private String imageValue(Column column, String rowAlias) {
    return isBinary(column)
        ? "SHA2(" + rowAlias + "." + quote(column.name()) + ", 256)"
        : jsonValue(column, rowAlias);
  }

  private static boolean isBinary(Column column) {
    return switch (column.jdbcType()) {
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> true;
      default -> false;
    };
  }

  @Override
  public boolean capturesCascadedChanges() {
    return false;
  }

  /**
   * MariaDB's planner scans the whole table for a long {@code (k1, k2, k3) IN (...)} list (1,000
   * keys of a three-column primary key: 230 ms a batch on a 300,000-row table, 14 ms through the
   * index), so a look-up by all the columns of a key names that key's index.
   */
  @Override
  public String keyLookupHint(TableMetadata table, List<String> columns) {
    if (columns.size() < 2) {
      return "";
    }
    Set<String> wanted = Set.copyOf(columns);
    return table.allKeys().stream()
        .filter(key -> Set.copyOf(key.columns()).equals(wanted))
        .findFirst()
        .map(key -> " FORCE INDEX (" + quote(key.primary() ? "PRIMARY" : key.name()) + ")")
        .orElse("");
  }

  @Override
  public String keyParameter(Column column) {
    return isBinary(column) ? "UNHEX(?)" : "?";
  }

  @Override
  public List<String> installCaptureSql(TableMetadata table, TableName changeLog) {
    List<String> statements = new ArrayList<>(removeCaptureSql(table));
    for (String event : EVENTS) {
      statements.addAll(
          SqlTemplate.load(id(), "capture-" + event)
              .render(
                  Map.of(
                      "trigger", trigger(table, event),
                      "table", qualify(table.name()),
                      "tableName", literal(table.name().name()),
                      "changeLog", qualify(changeLog),
                      "oldKey", keyJson(table, "OLD"),
                      "newKey", keyJson(table, "NEW"),
                      "oldRow", rowImageJson(table, "OLD"))));
    }
    return statements;
  }

  @Override
  public List<String> removeCaptureSql(TableMetadata table) {
    return EVENTS.stream().map(e -> "DROP TRIGGER IF EXISTS " + trigger(table, e)).toList();
  }

  private String trigger(TableMetadata table, String event) {
    String name = CaptureNames.forTable(table.name().name(), "_" + event.charAt(0), MAX_IDENTIFIER);
    return table.name().schema().map(s -> quote(s) + "." + quote(name)).orElse(quote(name));
  }

  @Override
  public void setCaptureEnabled(Connection connection, boolean enabled) throws SQLException {
    setUserVariable(connection, "SET @staging_capture = ?", enabled ? "on" : "off");
  }

  @Override
  public void setChangeSet(Connection connection, String changeSet) throws SQLException {
    setUserVariable(connection, "SET @staging_change_set = ?", changeSet);
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
    // GET_LOCK names are server-wide: the schema makes the lock one per staging database.
    String name = "stagingutils." + lockTable.schema().orElse("");
    String lockName = name.length() > 64 ? name.substring(0, 64) : name;
    try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
      ps.setString(1, lockName);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getInt(1) != 1) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(
        () -> {
          try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, lockName);
            ps.execute();
          }
        });
  }

  /**
   * InnoDB row locks and metadata locks (DDL, and DML behind someone's DDL) have separate bounds;
   * both are whole seconds.
   */
  @Override
  public List<String> lockTimeoutSql(Duration timeout) {
    long seconds = Math.max(1, timeout.toSeconds());
    return List.of(
        "SET SESSION innodb_lock_wait_timeout = " + seconds + ", lock_wait_timeout = " + seconds);
  }

  /** ER_LOCK_WAIT_TIMEOUT, raised for row and metadata locks alike. */
  @Override
  public boolean reportsLockTimeout(SQLException e) {
    return e.getErrorCode() == 1205;
  }

  /** ER_TABLEACCESS_DENIED_ERROR, ER_COLUMNACCESS_DENIED_ERROR, ER_DBACCESS_DENIED_ERROR. */
  @Override
  public boolean reportsMissingPrivilege(SQLException e) {
    return e.getErrorCode() == 1142 || e.getErrorCode() == 1143 || e.getErrorCode() == 1044;
  }

  @Override
  public String captureSwitchSql(boolean enabled) {
    return "SET @staging_capture = '" + (enabled ? "on" : "off") + "'";
  }

  @Override
  public List<String> relaxForeignKeysSql() {
    return List.of("SET FOREIGN_KEY_CHECKS = 0");
  }

  @Override
  public List<String> restoreForeignKeysSql() {
    return List.of("SET FOREIGN_KEY_CHECKS = 1");
  }

  @Override
  public List<String> createShadowTableSql(TableMetadata table, String shadow) {
    // LIKE copies columns and indexes (so joins on the key use one) but no foreign keys or
    // triggers; temporary tables neither commit the open transaction when created or dropped.
    return List.of(
        "DROP TEMPORARY TABLE IF EXISTS " + quote(shadow),
        "CREATE TEMPORARY TABLE " + quote(shadow) + " LIKE " + qualify(table.name()));
  }

  @Override
  public List<String> dropShadowTableSql(String shadow) {
    return List.of("DROP TEMPORARY TABLE IF EXISTS " + quote(shadow));
  }

  @Override
  public String updateFromShadowSql(TableMetadata table, String shadow, List<String> columns) {
    return "UPDATE "
        + qualify(table.name())
        + " t JOIN "
        + quote(shadow)
        + " s ON "
        + keyMatch(table, "t", "s")
        + " SET "
        + columns.stream()
            .map(c -> "t." + quote(c) + " = s." + quote(c))
            .collect(Collectors.joining(", "));
  }

  @Override
  public List<String> scriptSessionSql() {
    return List.of(
        "SET NAMES utf8mb4",
        "SET SESSION sql_mode ="
            + " TRIM(BOTH ',' FROM CONCAT(@@SESSION.sql_mode, ',NO_BACKSLASH_ESCAPES'))");
  }

  @Override
  public String scriptStatement(String sql) {
    // Trigger bodies hold semicolons: the mysql client needs another delimiter around them. A
    // semicolon inside a quoted value or name does not count: literals double their quotes.
    return hasSemicolonOutsideQuotes(sql)
        ? "DELIMITER $$\n" + sql + "$$\nDELIMITER ;\n"
        : sql + ";\n";
  }

  private static boolean hasSemicolonOutsideQuotes(String sql) {
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == ';') {
        return true;
      }
    }
    return false;
  }
}
