// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.SQLDialect;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.metadata.Column;
import org.stagingutils.core.metadata.TableMetadata;
import org.stagingutils.core.metadata.TableName;

/** PostgreSQL 13 and later. */
public final class PostgresDialect implements Dialect {
  private static final int MAX_IDENTIFIER = 63;
  private static final int LOCK_CLASS = 0x53544731; // "STG1": keeps clear of applications' keys
  private static final Set<String> ZONE_FREE_TYPES =
      Set.of(
          "bool",
          "int2",
          "int4",
          "int8",
          "serial",
          "bigserial",
          "smallserial",
          "numeric",
          "float4",
          "float8",
          "money",
          "text",
          "varchar",
          "bpchar",
          "char",
          "name",
          "bytea",
          "date",
          "time",
          "timetz",
          "timestamp",
          "interval",
          "uuid",
          "json",
          "jsonb",
          "xml",
          "inet",
          "cidr",
          "macaddr",
          "macaddr8",
          "bit",
          "varbit",
          "oid");

  @Override
  public String id() {
    return "postgresql";
  }

  /** What pgjdbc reports as VARCHAR under a type name of its own is a user-defined enum. */
  private static final Set<String> TEXT_TYPES = Set.of("varchar", "text", "name", "bpchar");

  @Override
  public Optional<String> refusedType(Column column) {
    return column.typeName().equalsIgnoreCase("money")
        ? Optional.of("the PostgreSQL driver cannot read money back as a value it can bind")
        : Optional.empty();
  }

  /**
   * Enum values come back as text, which PostgreSQL does not assign to an enum column by itself.
   * pgjdbc gives the type name quoted and schema-qualified where the search path needs it.
   */
  @Override
  public String valueParameter(Column column) {
    return isEnum(column) ? "CAST(? AS " + column.typeName() + ")" : "?";
  }

  private static boolean isEnum(Column column) {
    return column.jdbcType() == java.sql.Types.VARCHAR
        && !TEXT_TYPES.contains(column.typeName().toLowerCase(Locale.ROOT));
  }

  @Override
  public boolean handlesJdbcUrl(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:postgresql:");
  }

  @Override
  public SQLDialect jooqDialect() {
    return SQLDialect.POSTGRES;
  }

  @Override
  public void checkSupported(DatabaseMetaData metaData) throws SQLException {
    if (metaData.getDatabaseMajorVersion() < 13) {
      throw StagingException.configuration(
          "PostgreSQL "
              + metaData.getDatabaseProductVersion()
              + " is not supported: use PostgreSQL 13 or later");
    }
  }

  @Override
  public String foldUnquoted(String identifier) {
    return identifier.toLowerCase(Locale.ROOT);
  }

  @Override
  public List<String> scriptSessionSql() {
    return List.of(
        "SET client_encoding = 'UTF8'",
        "SET standard_conforming_strings = on",
        connectionInitSql().orElseThrow());
  }

  @Override
  public List<String> lockTimeoutSql(Duration timeout) {
    return List.of("SET lock_timeout = '" + timeout.toMillis() + "ms'");
  }

  /** 55P03 lock_not_available: what lock_timeout raises. */
  @Override
  public boolean reportsLockTimeout(SQLException e) {
    return "55P03".equals(e.getSQLState());
  }

  /** has_table_privilege knows roles, ownership and PUBLIC grants, and fires nothing. */
  @Override
  public boolean mayAccess(Connection connection, TableName table, String privilege)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT has_table_privilege(?, ?)")) {
      ps.setString(1, qualify(table));
      ps.setString(2, privilege);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /** 42501 insufficient_privilege. */
  @Override
  public boolean reportsMissingPrivilege(SQLException e) {
    return "42501".equals(e.getSQLState());
  }

  @Override
  public Optional<String> connectionInitSql() {
    return Optional.of("SET TIME ZONE 'UTC'");
  }

  @Override
  public String currentSchema(Connection connection) throws SQLException {
    return connection.getSchema();
  }

  @Override
  public String columnsJson(TableMetadata table, List<String> columns, String rowAlias) {
    return "jsonb_build_array("
        + columns.stream()
            .map(c -> inUtc(table.column(c), rowAlias + "." + quote(c)))
            .collect(Collectors.joining(", "))
        + ")::text";
  }

  @Override
  public String rowImageJson(TableMetadata table, String rowAlias) {
    List<Column> zoned = table.columns().stream().filter(PostgresDialect::isZoned).toList();
    if (zoned.isEmpty()) {
      return "to_jsonb(" + rowAlias + ")::text";
    }
    // to_jsonb renders timestamptz in the session's time zone; overriding those members with their
    // UTC wall time makes the image independent of it without pinning the trigger's time zone.
    return "(to_jsonb("
        + rowAlias
        + ") || jsonb_build_object("
        + zoned.stream()
            .map(c -> literal(c.name()) + ", " + inUtc(c, rowAlias + "." + quote(c.name())))
            .collect(Collectors.joining(", "))
        + "))::text";
  }

  private static boolean isZoned(Column column) {
    return column.typeName().equalsIgnoreCase("timestamptz");
  }

  private static String inUtc(Column column, String expression) {
    return isZoned(column) ? "(" + expression + " AT TIME ZONE 'UTC')" : expression;
  }

  /**
   * Whether some column's text form still depends on the session's time zone after {@link #inUtc}:
   * arrays, domains and composite types are rendered by their element types, which this dialect
   * does not look into, so only well-known scalar types count as safe.
   */
  private static boolean needsPinnedTimeZone(TableMetadata table) {
    return table.columns().stream()
        .anyMatch(
            c -> !isZoned(c) && !ZONE_FREE_TYPES.contains(c.typeName().toLowerCase(Locale.ROOT)));
  }

  @Override
  public String keyParameter(Column column) {
    return "CAST(? AS " + column.typeName() + ")";
  }

  /**
   * A VALUES list: PostgreSQL plans a row-constructor IN list as one OR per key, which it often
   * filters through an index on the trailing key columns (over a second per thousand keys on a
   * 400,000-row table); as a VALUES list it joins the keys instead (see docs/benchmarks.md).
   */
  @Override
  public String compositeKeyList(String tuple, int count) {
    return "VALUES " + String.join(", ", java.util.Collections.nCopies(count, tuple));
  }

  @Override
  public List<String> installCaptureSql(TableMetadata table, TableName changeLog) {
    return SqlTemplate.load(id(), "install-capture")
        .render(
            Map.of(
                "function", captureFunction(table),
                "trigger", quote(CaptureNames.forTable(table.name().name(), "", MAX_IDENTIFIER)),
                "table", qualify(table.name()),
                "tableName", literal(table.name().name()),
                "changeLog", qualify(changeLog),
                "oldKey", keyJson(table, "OLD"),
                "newKey", keyJson(table, "NEW"),
                "oldRow", rowImageJson(table, "OLD"),
                "pinTimeZone", needsPinnedTimeZone(table) ? "SET timezone = 'UTC'" : ""));
  }

  /** See {@link PostgresLoadSwitches}; stagingcopy owns the staged tables already. */
  @Override
  public BulkLoadSwitches bulkLoadSwitches(Connection connection, TableMetadata table)
      throws SQLException {
    return PostgresLoadSwitches.of(
        this,
        connection,
        qualify(table.name()),
        quote(CaptureNames.forTable(table.name().name(), "", MAX_IDENTIFIER)));
  }

  @Override
  public List<String> removeCaptureSql(TableMetadata table) {
    return SqlTemplate.load(id(), "remove-capture")
        .render(
            Map.of(
                "function", captureFunction(table),
                "trigger", quote(CaptureNames.forTable(table.name().name(), "", MAX_IDENTIFIER)),
                "table", qualify(table.name())));
  }

  private String captureFunction(TableMetadata table) {
    String function = quote(CaptureNames.forTable(table.name().name(), "_capture", MAX_IDENTIFIER));
    return table.name().schema().map(s -> quote(s) + "." + function).orElse(function);
  }

  @Override
  public void setCaptureEnabled(Connection connection, boolean enabled) throws SQLException {
    setSessionVariable(connection, "staging.capture", enabled ? "on" : "off");
  }

  @Override
  public void setChangeSet(Connection connection, String changeSet) throws SQLException {
    setSessionVariable(connection, "staging.change_set", changeSet == null ? "" : changeSet);
  }

  private static void setSessionVariable(Connection connection, String name, String value)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT set_config(?, ?, false)")) {
      ps.setString(1, name);
      ps.setString(2, value);
      ps.execute();
    }
  }

  @Override
  public Optional<RunLock> tryRunLock(Connection connection, TableName lockTable)
      throws SQLException {
    int scope = lockTable.schema().orElse("").hashCode();
    try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
      ps.setInt(1, LOCK_CLASS);
      ps.setInt(2, scope);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(
        () -> {
          try (Statement s = connection.createStatement()) {
            s.execute("SELECT pg_advisory_unlock(" + LOCK_CLASS + ", " + scope + ")");
          }
        });
  }

  @Override
  public String captureSwitchSql(boolean enabled) {
    return "SELECT set_config('staging.capture', '" + (enabled ? "on" : "off") + "', false)";
  }

  @Override
  public Optional<BulkCopy> bulkCopy() {
    return Optional.of(new PostgresBulkCopy(this));
  }

  @Override
  public List<String> createShadowTableSql(TableMetadata table, String shadow) {
    return List.of(
        "CREATE TEMPORARY TABLE "
            + quote(shadow)
            + " (LIKE "
            + qualify(table.name())
            + ") ON COMMIT DROP");
  }

  @Override
  public List<String> analyzeShadowTableSql(String shadow) {
    // Temporary tables are never auto-analysed: without statistics the joins go nested-loop.
    return List.of("ANALYZE " + quote(shadow));
  }

  @Override
  public String updateFromShadowSql(TableMetadata table, String shadow, List<String> columns) {
    return "UPDATE "
        + qualify(table.name())
        + " AS t SET "
        + columns.stream().map(c -> quote(c) + " = s." + quote(c)).collect(Collectors.joining(", "))
        + " FROM "
        + quote(shadow)
        + " AS s WHERE "
        + keyMatch(table, "t", "s");
  }
}
