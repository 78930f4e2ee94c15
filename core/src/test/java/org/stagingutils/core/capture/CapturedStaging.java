// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.capture;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stagingutils.core.config.ConnectionSettings;
import org.stagingutils.core.connect.Database;
import org.stagingutils.core.connect.DatabaseOpener;
import org.stagingutils.core.control.ControlSchema;
import org.stagingutils.core.control.ControlTables;
import org.stagingutils.core.dialect.Dialect;
import org.stagingutils.core.metadata.StagedTableResolver;
import org.stagingutils.core.metadata.TableMetadata;
import org.stagingutils.core.testdb.CatalogSchema;
import org.stagingutils.core.testdb.TestDatabase;

/** A test database holding the seeded catalog, its control schema and capture on every table. */
final class CapturedStaging implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  final Database database;
  final Dialect dialect;
  final List<TableMetadata> tables;
  final CaptureInstaller installer;

  CapturedStaging(TestDatabase testDatabase) throws SQLException {
    CatalogSchema.create(testDatabase);
    CatalogSchema.seed(testDatabase);
    database =
        DatabaseOpener.open(
            new ConnectionSettings(
                "staging",
                testDatabase.url(),
                testDatabase.user(),
                testDatabase.password(),
                Optional.empty()));
    dialect = database.dialect();
    ControlSchema.migrateStaging(database.dataSource(), dialect, database.schema());
    installer = new CaptureInstaller(dialect, database.controlTables());
    try (Connection c = database.connection()) {
      tables =
          new StagedTableResolver(c, dialect, database.schema(), "staging")
              .resolve(CatalogSchema.STAGED_TABLES.stream().map(this::written).toList());
      for (TableMetadata table : tables) {
        installer.install(c, table);
      }
    }
  }

  /** How a user writes the name in a scope: quoted where case matters. */
  private String written(String table) {
    return table.equals(table.toUpperCase(java.util.Locale.ROOT)) ? table : "\"" + table + "\"";
  }

  TableMetadata table(String upperCaseName) {
    return tables.stream()
        .filter(t -> t.name().name().equalsIgnoreCase(upperCaseName))
        .findFirst()
        .orElseThrow();
  }

  String q(String identifier) {
    return dialect.quote(dialect.foldUnquoted(identifier));
  }

  String qualified(String table) {
    return dialect.qualify(table(table).name());
  }

  /** One log row, keys decoded into strings so that dialects compare alike. */
  record LogRow(
      String table,
      String op,
      List<String> oldKey,
      List<String> newKey,
      String oldRow,
      String changeSet,
      String rawOldKey,
      String rawNewKey) {
    String summary() {
      return table
          + " "
          + op
          + " "
          + oldKey
          + " -> "
          + newKey
          + (changeSet == null ? "" : " @" + changeSet);
    }
  }

  List<LogRow> log() throws SQLException {
    ControlTables control = database.controlTables();
    List<LogRow> rows = new ArrayList<>();
    try (Connection c = database.connection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT "
                    + String.join(
                        ", ",
                        control.column("STGTABLE"),
                        control.column("STGOP"),
                        control.column("STGOKEY"),
                        control.column("STGNKEY"),
                        control.column("STGOROW"),
                        control.column("STGCHANGESET"),
                        control.column("STGPROCESSED"))
                    + " FROM "
                    + control.qualified(ControlTables.CHANGE_LOG)
                    + " ORDER BY "
                    + control.column("STGRFNBR"))) {
      while (rs.next()) {
        rows.add(
            new LogRow(
                rs.getString(1),
                rs.getString(2),
                decode(rs.getString(3)),
                decode(rs.getString(4)),
                rs.getString(5),
                rs.getString(6),
                rs.getString(3),
                rs.getString(4)));
      }
    }
    return rows;
  }

  static List<String> decode(String jsonArray) {
    if (jsonArray == null) {
      return null;
    }
    try {
      List<String> values = new ArrayList<>();
      JSON.readTree(jsonArray).forEach(n -> values.add(n.isNull() ? null : n.asText()));
      return values;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("not a JSON array: " + jsonArray, e);
    }
  }

  @Override
  public void close() {
    database.close();
  }
}
