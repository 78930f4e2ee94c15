// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stagingutils.core.config.ScopeResolver;
import org.stagingutils.core.config.StagingConfig;
import org.stagingutils.core.connect.Database;
import org.stagingutils.core.metadata.MetadataReader;
import org.stagingutils.core.metadata.StagedTableResolver;
import org.stagingutils.core.metadata.TableMetadata;
import org.stagingutils.core.metadata.TableName;

/**
 * What every check reads from: both databases, the checked tables as each side has them (missing
 * tables and tables without keys included, unlike {@link StagedTableResolver}, because reporting
 * them is a check's job), and the declared scopes.
 */
record CheckContext(
    Database staging,
    Database production,
    StagingConfig config,
    List<CheckedTable> tables,
    List<String> changeSets) {

  CheckContext {
    tables = List.copyOf(tables);
    changeSets = List.copyOf(changeSets);
  }

  static CheckContext load(Database staging, Database production, CheckRequest request)
      throws SQLException {
    Map<String, Optional<TableMetadata>> stagingTables = read(staging, request.tables());
    Map<String, Optional<TableMetadata>> productionTables = read(production, request.tables());
    List<CheckedTable> tables = new ArrayList<>();
    for (String written : request.tables()) {
      Optional<TableMetadata> onStaging = stagingTables.get(written);
      Optional<TableMetadata> onProduction = productionTables.get(written);
      String name =
          onStaging
              .or(() -> onProduction)
              .map(t -> t.name().name())
              .orElseGet(() -> storedName(staging, written));
      tables.add(new CheckedTable(written, name, onStaging, onProduction));
    }
    return new CheckContext(staging, production, request.config(), tables, request.changeSets());
  }

  private static Map<String, Optional<TableMetadata>> read(Database database, List<String> written)
      throws SQLException {
    Map<String, Optional<TableMetadata>> tables = new LinkedHashMap<>();
    try (Connection connection = database.connection()) {
      connection.setReadOnly(true);
      MetadataReader reader = new MetadataReader(connection, database.dialect());
      List<String> existing = reader.tableNames(database.schema());
      for (String name : written) {
        String stored = storedName(database, name);
        tables.put(
            name,
            existing.contains(stored)
                ? Optional.of(reader.read(TableName.of(database.schema(), stored)))
                : Optional.empty());
      }
    }
    return tables;
  }

  /** The name as {@code database} stores a name written in the config file. */
  static String storedName(Database database, String written) {
    return StagedTableResolver.storedName(database.dialect(), written);
  }

  /** The stored names of every table of {@code scope}, as staging folds them. */
  List<String> scopeTables(String scope) {
    return new ScopeResolver(config.scopes(), config.configFile())
        .resolve(scope, List.of()).stream().map(t -> storedName(staging, t)).toList();
  }

  /** Each checked table that exists, as staging has it, else as production has it. */
  List<TableMetadata> existingTables() {
    return tables.stream().flatMap(t -> t.either().stream()).toList();
  }

  List<String> tableNames() {
    return tables.stream().map(CheckedTable::name).toList();
  }
}
