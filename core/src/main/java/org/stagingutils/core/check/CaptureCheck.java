// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stagingutils.core.capture.CaptureInstaller;
import org.stagingutils.core.control.ControlTables;
import org.stagingutils.core.metadata.Key;
import org.stagingutils.core.metadata.MetadataReader;
import org.stagingutils.core.metadata.TableMetadata;

/**
 * Part of {@code schema}: staged tables whose capture triggers are missing, older than this suite's
 * or keyed on columns that are no longer the table's capture key, judged from the registry {@code
 * STAGTABLES} that the installer keeps in step with the triggers.
 */
final class CaptureCheck implements TableCheck {
  private static final String FIX =
      ": run stagingcopy for this table (it starts a new session: propagate pending changes first)";

  private record Registration(String keyColumns, int triggerVersion) {}

  @Override
  public CheckKind kind() {
    return CheckKind.SCHEMA;
  }

  @Override
  public List<Problem> run(CheckContext context) throws SQLException {
    List<Problem> problems = new ArrayList<>();
    Optional<Map<String, Registration>> registry;
    try (Connection connection = context.staging().connection()) {
      connection.setReadOnly(true);
      registry = registry(connection, context.staging().controlTables(), context);
    }
    for (CheckedTable table : context.tables()) {
      if (table.staging().isEmpty() || table.staging().get().captureKey().isEmpty()) {
        continue; // nothing to capture: the schema and config checks say why
      }
      problem(table.staging().get(), registry).ifPresent(problems::add);
    }
    return problems;
  }

  private static Optional<Problem> problem(
      TableMetadata table, Optional<Map<String, Registration>> registry) {
    String name = table.name().name();
    String key = String.join(",", table.captureKey().map(Key::columns).orElseThrow());
    Registration registration = registry.map(r -> r.get(name)).orElse(null);
    String message;
    if (registry.isEmpty()) {
      message =
          "capture not installed on "
              + name
              + " (the staging database has no "
              + ControlTables.CAPTURED_TABLES
              + " table)";
    } else if (registration == null) {
      message = "capture triggers are not installed on " + name;
    } else if (registration.triggerVersion() < CaptureInstaller.TRIGGER_VERSION) {
      message =
          "capture triggers of "
              + name
              + " are version "
              + registration.triggerVersion()
              + ", older than this suite's version "
              + CaptureInstaller.TRIGGER_VERSION
              + ": run stagingprop once without --dry-run (it re-installs them and the session"
              + " goes on)";
      return Optional.of(Problem.of(CheckKind.SCHEMA, name, Map.of(), message));
    } else if (!registration.keyColumns().equals(key)) {
      message =
          "capture triggers of "
              + name
              + " log the key ("
              + registration.keyColumns()
              + ") but the table's key is now ("
              + key
              + ")";
    } else {
      return Optional.empty();
    }
    return Optional.of(Problem.of(CheckKind.SCHEMA, name, Map.of(), message + FIX));
  }

  /** Registered tables by name; empty when the registry itself does not exist. */
  private static Optional<Map<String, Registration>> registry(
      Connection connection, ControlTables control, CheckContext context) throws SQLException {
    MetadataReader reader = new MetadataReader(connection, context.staging().dialect());
    if (!reader.exists(control.table(ControlTables.CAPTURED_TABLES))) {
      return Optional.empty();
    }
    Map<String, Registration> registry = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT "
                    + control.column("TABLE_NAME")
                    + ", "
                    + control.column("KEY_COLUMNS")
                    + ", "
                    + control.column("TRIGGER_VERSION")
                    + " FROM "
                    + control.qualified(ControlTables.CAPTURED_TABLES))) {
      while (rs.next()) {
        registry.put(rs.getString(1), new Registration(rs.getString(2), rs.getInt(3)));
      }
    }
    return Optional.of(registry);
  }
}
