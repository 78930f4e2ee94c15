// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.capture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.control.ControlTables;
import org.stagingutils.core.dialect.Dialect;
import org.stagingutils.core.metadata.TableMetadata;

/**
 * Installs, upgrades and removes the capture triggers of staged tables and keeps the registry of
 * captured tables ({@code STAGTABLES}) in step. Installing twice is harmless: the triggers are
 * replaced, so an upgrade of the suite upgrades them.
 */
public final class CaptureInstaller {
  /** Bumped whenever the generated triggers change, so stagingcheck can find outdated ones. */
  public static final int TRIGGER_VERSION = 3;

  private static final Logger LOG = LoggerFactory.getLogger(CaptureInstaller.class);

  private final Dialect dialect;
  private final ControlTables control;

  public CaptureInstaller(Dialect dialect, ControlTables control) {
    this.dialect = dialect;
    this.control = control;
  }

  /** Installs the triggers of {@code table} and registers it; runs in the caller's transaction. */
  public void install(Connection connection, TableMetadata table) {
    String keyColumns =
        String.join(
            ",",
            table
                .captureKey()
                .orElseThrow(
                    () ->
                        StagingException.configuration(
                            "table "
                                + table.name()
                                + " has neither a primary key nor a unique index: add one, or"
                                + " remove it from the staged tables"))
                .columns());
    // Registered first: H2 initialises its trigger class on creation, from this registry.
    register(connection, table, keyColumns);
    execute(
        connection,
        table,
        dialect.installCaptureSql(table, control.table(ControlTables.LOG_ROWS)),
        "install capture triggers on");
    LOG.debug("capture installed on {} (key {})", table.name(), keyColumns);
  }

  /**
   * The statements {@link #install} runs, as SQL text for a script: the registry row (values
   * inlined as literals) before the trigger DDL, in the same order.
   */
  public List<String> installScript(TableMetadata table) {
    String keyColumns = String.join(",", table.captureKey().orElseThrow().columns());
    String registry = control.qualified(ControlTables.CAPTURED_TABLES);
    String name = control.column("TABLE_NAME");
    List<String> statements = new ArrayList<>();
    statements.add(
        "DELETE FROM "
            + registry
            + " WHERE "
            + name
            + " = "
            + dialect.literal(table.name().name()));
    statements.add(
        "INSERT INTO "
            + registry
            + " ("
            + name
            + ", "
            + control.column("KEY_COLUMNS")
            + ", "
            + control.column("TRIGGER_VERSION")
            + ") VALUES ("
            + dialect.literal(table.name().name())
            + ", "
            + dialect.literal(keyColumns)
            + ", "
            + TRIGGER_VERSION
            + ")");
    statements.addAll(dialect.installCaptureSql(table, control.table(ControlTables.LOG_ROWS)));
    return statements;
  }

  /** Removes the triggers of {@code table} and forgets it. */
  public void remove(Connection connection, TableMetadata table) {
    execute(connection, table, dialect.removeCaptureSql(table), "remove capture triggers from");
    try (PreparedStatement ps =
        connection.prepareStatement(
            "DELETE FROM "
                + control.qualified(ControlTables.CAPTURED_TABLES)
                + " WHERE "
                + control.column("TABLE_NAME")
                + " = ?")) {
      ps.setString(1, table.name().name());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw StagingException.database("cannot unregister table " + table.name(), e);
    }
  }

  private void execute(
      Connection connection, TableMetadata table, Iterable<String> statements, String what) {
    try (Statement s = connection.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw StagingException.database("cannot " + what + " table " + table.name(), e);
    }
  }

  private void register(Connection connection, TableMetadata table, String keyColumns) {
    String registry = control.qualified(ControlTables.CAPTURED_TABLES);
    String name = control.column("TABLE_NAME");
    try (PreparedStatement delete =
            connection.prepareStatement("DELETE FROM " + registry + " WHERE " + name + " = ?");
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO "
                    + registry
                    + " ("
                    + name
                    + ", "
                    + control.column("KEY_COLUMNS")
                    + ", "
                    + control.column("TRIGGER_VERSION")
                    + ") VALUES (?, ?, ?)")) {
      delete.setString(1, table.name().name());
      delete.executeUpdate();
      insert.setString(1, table.name().name());
      insert.setString(2, keyColumns);
      insert.setInt(3, TRIGGER_VERSION);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw StagingException.database("cannot register table " + table.name(), e);
    }
  }
}
