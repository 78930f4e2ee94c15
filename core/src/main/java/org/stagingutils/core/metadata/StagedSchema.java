// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.metadata;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.connect.Database;

/**
 * The staged tables as both databases have them, checked to be the same, with their dependency
 * graph. Every utility starts here, so a difference between the sides stops it before it reads a
 * single row.
 */
public record StagedSchema(
    List<TableMetadata> staging, List<TableMetadata> production, DependencyGraph graph) {

  public static StagedSchema load(Database staging, Database production, List<String> tables) {
    List<TableMetadata> stagingTables = resolve(staging, tables);
    List<TableMetadata> productionTables = resolve(production, tables);
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < stagingTables.size(); i++) {
      differences.addAll(TableDifferences.between(stagingTables.get(i), productionTables.get(i)));
    }
    if (!differences.isEmpty()) {
      throw StagingException.configuration(
          "staging and production differ: "
              + String.join("; ", differences)
              + " (make both schemas the same before running)");
    }
    return new StagedSchema(stagingTables, productionTables, DependencyGraph.of(stagingTables));
  }

  private static List<TableMetadata> resolve(Database database, List<String> tables) {
    try (Connection connection = database.connection()) {
      return new StagedTableResolver(
              connection, database.dialect(), database.schema(), database.role())
          .resolve(tables);
    } catch (SQLException e) {
      throw StagingException.database("cannot read the staged tables of " + database, e);
    }
  }

  /** The production twin of a staging table. */
  public TableMetadata productionTable(TableMetadata stagingTable) {
    return production.get(staging.indexOf(stagingTable));
  }
}
