// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stagingutils.core.capture.CaptureInstaller;
import org.stagingutils.core.config.ConnectionSettings;
import org.stagingutils.core.config.StagingConfig;
import org.stagingutils.core.connect.Database;
import org.stagingutils.core.connect.DatabaseOpener;
import org.stagingutils.core.control.ControlSchema;
import org.stagingutils.core.metadata.StagedTableResolver;
import org.stagingutils.core.metadata.TableMetadata;
import org.stagingutils.core.testdb.CatalogSchema;
import org.stagingutils.core.testdb.DatabaseKind;
import org.stagingutils.core.testdb.DatabasePair;
import org.stagingutils.core.testdb.TestDatabase;
import org.stagingutils.core.testdb.TestDatabases;

/**
 * The sample catalog on both sides of a fresh database pair, optionally with capture installed on
 * staging, and the scopes a test checks it with.
 */
final class CheckedCatalog implements AutoCloseable {
  static final List<String> SITE = List.of("STORE");
  static final List<String> MERCHANT =
      List.of(
          "CATALOG", "CATGROUP", "CATENTRY", "CATGPENREL", "LISTPRICE", "ATTRVAL", "\"PromoRule\"");

  final DatabaseKind kind;
  final DatabasePair pair;
  final Map<String, List<String>> scopes = new LinkedHashMap<>();

  CheckedCatalog(DatabaseKind kind, boolean capture) throws SQLException {
    this.kind = kind;
    this.pair = TestDatabases.createPair(kind);
    CatalogSchema.create(pair.production());
    CatalogSchema.create(pair.staging());
    scopes.put("site", SITE);
    scopes.put("merchant", MERCHANT);
    if (capture) {
      installCapture();
    }
  }

  private void installCapture() throws SQLException {
    try (Database staging = DatabaseOpener.open(settings("staging", pair.staging()));
        Connection c = staging.connection()) {
      ControlSchema.migrateStaging(staging.dataSource(), staging.dialect(), staging.schema());
      CaptureInstaller installer = new CaptureInstaller(staging.dialect(), staging.controlTables());
      List<TableMetadata> tables =
          new StagedTableResolver(c, staging.dialect(), staging.schema(), "staging")
              .resolve(config().tables("all", List.of()));
      for (TableMetadata table : tables) {
        installer.install(c, table);
      }
    }
  }

  StagingConfig config() {
    return new StagingConfig(
        settings("staging", pair.staging()), settings("production", pair.production()), scopes);
  }

  CheckReport check(CheckKind... checks) {
    StagingConfig config = config();
    return new StagingCheck()
        .check(
            new CheckRequest(
                config, config.tables("all", List.of()), java.util.Set.of(checks), List.of()));
  }

  /** The name under which this database stores a table or column written unquoted. */
  String stored(String name) {
    return CatalogSchema.storedName(kind, name);
  }

  /** A table or column as SQL for this database must write it. */
  String quoted(String name) {
    return switch (kind) {
      case MARIADB -> "`" + stored(name) + "`";
      default -> "\"" + stored(name) + "\"";
    };
  }

  static ConnectionSettings settings(String role, TestDatabase database) {
    return new ConnectionSettings(
        role, database.url(), database.user(), database.password(), Optional.empty());
  }

  @Override
  public void close() {
    pair.close();
  }
}
