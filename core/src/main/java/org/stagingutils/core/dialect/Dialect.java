// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.stagingutils.core.metadata.Column;
import org.stagingutils.core.metadata.TableMetadata;
import org.stagingutils.core.metadata.TableName;

/**
 * Everything that differs between database products. jOOQ renders the portable SQL; a dialect adds
 * what jOOQ does not cover: trigger DDL for change capture, session variables, run locks and the
 * JSON expressions that encode keys and row images exactly as the capture triggers do.
 *
 * <p>Adding a database (DB2, Oracle, SQL Server) means one more implementation, registered in
 * {@link Dialects}.
 */
public interface Dialect {

  /** Short lower-case name, also the folder of its control-schema migrations. */
  String id();

  /** True when this dialect handles connections to {@code jdbcUrl}. */
  boolean handlesJdbcUrl(String jdbcUrl);

  SQLDialect jooqDialect();

  /** Rejects database versions the suite does not support, with a one-line reason. */
  void checkSupported(DatabaseMetaData metaData) throws SQLException;

  /** How the database stores an identifier written without quotes. */
  String foldUnquoted(String identifier);

  /** The schema (MariaDB: database) the connection currently uses. */
  String currentSchema(Connection connection) throws SQLException;

  /**
   * Run on every new connection: settings that make values render the same in every session (the
   * key and row JSON must not depend on the session's time zone).
   */
  default Optional<String> connectionInitSql() {
    return Optional.empty();
  }

  /**
   * Driver properties every connection to this database gets, unless the JDBC URL sets the same
   * property itself (the user's URL always wins): settings the suite's workload is known to run
   * faster with and does not depend on the driver's defaults for.
   */
  default Map<String, String> driverProperties() {
    return Map.of();
  }

  /** JDBC {@code catalog} argument for metadata calls on {@code schema}. */
  default String metadataCatalog(String schema) {
    return null;
  }

  /** JDBC {@code schemaPattern} argument for metadata calls on {@code schema}. */
  default String metadataSchema(String schema) {
    return schema;
  }

  /** A jOOQ context that renders SQL for this database with every identifier quoted. */
  default DSLContext sql() {
    return DSL.using(
        jooqDialect(),
        new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED));
  }

  /** The identifier quoted for this database; the one way the suite writes identifiers in SQL. */
  default String quote(String identifier) {
    return sql().render(DSL.quotedName(identifier));
  }

  /** Schema-qualified, quoted table name. */
  default String qualify(TableName table) {
    return table
        .schema()
        .map(s -> quote(s) + "." + quote(table.name()))
        .orElse(quote(table.name()));
  }

  /** A SQL string literal, for the rare places where a value cannot be bound (trigger DDL). */
  default String literal(String value) {
    return sql().render(DSL.inline(value));
  }

  /**
   * SQL expression giving the JSON array text of the row's capture-key values, byte for byte what
   * the capture trigger writes into {@code STGOKEY}/{@code STGNKEY} for the same row.
   */
  default String keyJson(TableMetadata table, String rowAlias) {
    return columnsJson(table, table.captureKey().orElseThrow().columns(), rowAlias);
  }

  /**
   * SQL expression giving the JSON array text of the given columns' values, encoded as capture keys
   * are: a foreign key's columns render exactly as the key of the row they reference.
   */
  String columnsJson(TableMetadata table, List<String> columns, String rowAlias);

  /**
   * SQL expression giving the JSON text of the whole row, byte for byte what the capture trigger
   * writes into {@code STGOROW} for the same row: compared against production to detect drift.
   */
  String rowImageJson(TableMetadata table, String rowAlias);

  /**
   * The bind marker for one value of a key column, given as the text the key JSON holds for it;
   * casts where the database will not convert text to the column's type by itself.
   */
  default String keyParameter(Column column) {
    return "?";
  }

  /**
   * One column's value from a result row, in the form it is bound again to be written or compared
   * with the other database's: the driver's object, or its text for types whose objects lose part
   * of the value. Every value the suite carries is read through here.
   */
  default Object readValue(ResultSet row, int index, Column column) throws SQLException {
    return row.getObject(index);
  }

  /**
   * The bind marker for one value of {@code column} as {@link #readValue} gives it; casts where the
   * database will not convert the bound value to the column's type by itself.
   */
  default String valueParameter(Column column) {
    return "?";
  }

  /**
   * What follows the table and its alias in a look-up of rows by a list of values of {@code
   * columns}: a hint where the database's planner would scan the table instead of using the index
   * of those columns.
   */
  default String keyLookupHint(TableMetadata table, List<String> columns) {
    return "";
  }

  /**
   * The list side of {@code (k1, k2) IN (...)} for {@code count} composite keys, each given as
   * {@code tuple} (its bind markers in parentheses).
   */
  default String compositeKeyList(String tuple, int count) {
    return String.join(", ", java.util.Collections.nCopies(count, tuple));
  }

  /**
   * Whether triggers fire for rows changed by foreign-key cascades, so the change log holds them.
   * MariaDB and MySQL do not fire them; propagation then replays deletes so production cascades the
   * same rows.
   */
  default boolean capturesCascadedChanges() {
    return true;
  }

  /**
   * Whether reading rows as key and row JSON needs functions that the control schema installs (H2's
   * are Java). Then even a dry run installs production's control schema, or it could not read
   * production at all.
   */
  default boolean readsThroughInstalledFunctions() {
    return false;
  }

  /**
   * Why a column of this type cannot be carried from staging to production intact, if it cannot:
   * such tables are refused before anything is written, rather than copied or propagated wrongly.
   */
  default Optional<String> refusedType(Column column) {
    return Optional.empty();
  }

  /** Statements that install (or replace) the capture triggers of {@code table}. */
  List<String> installCaptureSql(TableMetadata table, TableName changeLog);

  /** Statements that remove the capture triggers of {@code table}; harmless when absent. */
  List<String> removeCaptureSql(TableMetadata table);

  /**
   * Switches capture off (or back on) for this connection's session only, so the suite's own writes
   * are not logged; needs no superuser rights.
   */
  void setCaptureEnabled(Connection connection, boolean enabled) throws SQLException;

  /** Names the change set of the edits this session makes next ({@code null}: none). */
  void setChangeSet(Connection connection, String changeSet) throws SQLException;

  /**
   * Statements bounding how long this session waits for a lock another transaction holds (row and
   * table locks alike), so that a forgotten open transaction in production fails a run instead of
   * hanging it. {@code timeout} is at least one second.
   */
  List<String> lockTimeoutSql(Duration timeout);

  /** Whether {@code e} (or an exception chained to it) says a lock wait exceeded that bound. */
  default boolean isLockTimeout(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException each = sql; each != null; each = each.getNextException()) {
          if (reportsLockTimeout(each)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether this one exception, without its chain, reports a lock-wait timeout. */
  boolean reportsLockTimeout(SQLException e);

  /**
   * Whether this session may run {@code privilege} (SELECT, INSERT, UPDATE or DELETE) on {@code
   * table}, found out without changing anything: by default, by running a statement of that kind
   * that matches no row (row triggers do not fire), which the database checks like any other. Run
   * it inside a transaction the caller rolls back.
   */
  default boolean mayAccess(Connection connection, TableName table, String privilege)
      throws SQLException {
    String t = qualify(table);
    String probe =
        switch (privilege) {
          case "SELECT" -> "SELECT 1 FROM " + t + " WHERE 1 = 0";
          case "INSERT" -> "INSERT INTO " + t + " SELECT * FROM " + t + " WHERE 1 = 0";
          case "UPDATE" ->
              "UPDATE " + t + " SET " + firstColumn(connection, table) + " WHERE 1 = 0";
          case "DELETE" -> "DELETE FROM " + t + " WHERE 1 = 0";
          default -> throw new IllegalArgumentException("not a table privilege: " + privilege);
        };
    try (java.sql.Statement s = connection.createStatement()) {
      s.execute(probe);
      return true;
    } catch (SQLException e) {
      if (reportsMissingPrivilege(e)) {
        return false;
      }
      throw e;
    }
  }

  /** {@code c = c} for the table's first column: an assignment that needs no value. */
  private String firstColumn(Connection connection, TableName table) throws SQLException {
    try (var columns =
        connection
            .getMetaData()
            .getColumns(
                metadataCatalog(table.schema().orElse(null)),
                metadataSchema(table.schema().orElse(null)),
                table.name(),
                null)) {
      if (!columns.next()) {
        throw new SQLException("table " + table + " has no columns visible to this user");
      }
      String column = quote(columns.getString("COLUMN_NAME"));
      return column + " = " + column;
    }
  }

  /** Whether {@code e} says the user lacks a privilege on an object. */
  boolean reportsMissingPrivilege(SQLException e);

  /**
   * Takes the lock that keeps two runs of the utilities off one staging database, without waiting.
   * The lock lives as long as the connection, so a killed run never leaves it behind.
   *
   * @return empty when another run holds it
   */
  Optional<RunLock> tryRunLock(Connection connection, TableName lockTable) throws SQLException;

  /** The statement that switches capture off (or back on) for the session, for scripts. */
  String captureSwitchSql(boolean enabled);

  /**
   * Statements that switch foreign-key checks off for this session while stagingcopy replaces the
   * rows of staged tables; empty where a database cannot do that per session for an ordinary user.
   */
  default List<String> relaxForeignKeysSql() {
    return List.of();
  }

  /** Statements that undo {@link #relaxForeignKeysSql()}. */
  default List<String> restoreForeignKeysSql() {
    return List.of();
  }

  /**
   * Switches foreign-key checks off for this connection's session where the database allows it.
   *
   * @return true when the checks are off, false when they still apply
   */
  default boolean relaxForeignKeysForCopy(Connection connection) throws SQLException {
    List<String> statements = relaxForeignKeysSql();
    try (java.sql.Statement s = connection.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
    return !statements.isEmpty();
  }

  /**
   * What to switch off while the copy writes production's rows into {@code table}, empty in
   * staging, and back on afterwards. The capture trigger would only return at its first line for
   * every row, a foreign key checked row by row costs a bulk load more than the load itself, and so
   * does an index maintained row by row rather than built once over the loaded rows. Only where
   * this DDL joins the copy's transaction (so a failed copy rolls it back) and needs no more than
   * the copy's rights; elsewhere none, and the session variable alone keeps the copy's rows out of
   * the change log.
   */
  default BulkLoadSwitches bulkLoadSwitches(Connection connection, TableMetadata table)
      throws SQLException {
    return BulkLoadSwitches.NONE;
  }

  /** A fast path for moving whole tables between two databases of this product, if any. */
  default Optional<BulkCopy> bulkCopy() {
    return Optional.empty();
  }

  /**
   * Statements creating {@code shadow}: an empty table private to this session, with the columns of
   * {@code table} and without its foreign keys or triggers, that disappears at the end of the
   * transaction, committed or not. Creating it must not commit the open transaction.
   */
  List<String> createShadowTableSql(TableMetadata table, String shadow);

  /** Statements to run once the shadow table is filled, e.g. to give the planner statistics. */
  default List<String> analyzeShadowTableSql(String shadow) {
    return List.of();
  }

  /** Statements dropping the shadow table early; must not commit the open transaction. */
  default List<String> dropShadowTableSql(String shadow) {
    return List.of();
  }

  /**
   * An UPDATE setting {@code columns} of every row of {@code table} to the values of the row of
   * {@code shadow} with the same capture key; rows without a twin in the shadow are left alone.
   */
  String updateFromShadowSql(TableMetadata table, String shadow, List<String> columns);

  /**
   * {@code left.k = right.k AND ...} over the capture key of {@code table}, for two row references
   * (aliases or qualified table names) holding its columns.
   */
  default String keyMatch(TableMetadata table, String left, String right) {
    return table.captureKey().orElseThrow().columns().stream()
        .map(c -> left + "." + quote(c) + " = " + right + "." + quote(c))
        .collect(java.util.stream.Collectors.joining(" AND "));
  }

  /**
   * A jOOQ context that renders values as literals for scripts: strings escaped the SQL-standard
   * way only (quotes doubled), which {@link #scriptSessionSql()} makes every session read so.
   */
  default DSLContext scriptSql() {
    return DSL.using(
        jooqDialect(),
        new Settings()
            .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED)
            .withBackslashEscaping(org.jooq.conf.BackslashEscaping.OFF));
  }

  /**
   * Statements a script starts with so that its literals mean, in whatever session runs it, what
   * they meant when it was written: the encoding of the file (UTF-8), the session settings of
   * {@link #connectionInitSql()}, and string literals without backslash escapes.
   */
  default List<String> scriptSessionSql() {
    return connectionInitSql().stream().toList();
  }

  /** {@code sql} as one statement of a script run by the database's command-line client. */
  default String scriptStatement(String sql) {
    return sql + ";\n";
  }
}
