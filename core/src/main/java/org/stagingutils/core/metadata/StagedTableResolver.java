// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.metadata;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.dialect.Dialect;

/**
 * Turns staged table names as a user wrote them (unquoted, "quoted" or `backticked`) into the
 * metadata of existing tables, refusing any that do not exist or have no key to capture by.
 */
public final class StagedTableResolver {
  private final Dialect dialect;
  private final MetadataReader reader;
  private final String schema;
  private final String side;

  public StagedTableResolver(Connection connection, Dialect dialect, String schema, String side)
      throws SQLException {
    this.dialect = dialect;
    this.reader = new MetadataReader(connection, dialect);
    this.schema = schema;
    this.side = side;
  }

  /** The name as the database stores it: quotes keep case, unquoted names fold. */
  public String storedName(String written) {
    return storedName(dialect, written);
  }

  /** The name as a database of {@code dialect} stores it: quotes keep case, unquoted names fold. */
  public static String storedName(Dialect dialect, String written) {
    String name = written.strip();
    if (name.length() >= 2
        && (name.startsWith("\"") && name.endsWith("\"")
            || name.startsWith("`") && name.endsWith("`"))) {
      // Inside quotes, a doubled quote stands for one, as in SQL.
      String quote = name.substring(0, 1);
      return name.substring(1, name.length() - 1).replace(quote + quote, quote);
    }
    return dialect.foldUnquoted(name);
  }

  public List<TableMetadata> resolve(List<String> writtenNames) throws SQLException {
    List<String> existing = reader.tableNames(schema);
    List<TableMetadata> tables = new ArrayList<>();
    for (String written : writtenNames) {
      String stored = storedName(written);
      if (!existing.contains(stored)) {
        throw StagingException.configuration(missing(written, stored, existing));
      }
      TableMetadata table = reader.read(TableName.of(schema, stored));
      if (table.captureKey().isEmpty() && !table.uniqueKeys().isEmpty()) {
        throw StagingException.configuration(
            "staged table "
                + written
                + " has no primary key in the "
                + side
                + " database, and its unique indexes allow NULLs ("
                + table.uniqueKeys().get(0).columns()
                + "), which cannot tell rows apart: make those columns NOT NULL or add a primary"
                + " key");
      }
      if (table.captureKey().isEmpty()) {
        throw StagingException.configuration(
            "staged table "
                + written
                + " has neither a primary key nor a unique index in the "
                + side
                + " database: add one, or remove the table from the scope");
      }
      refuseUncarriedTypes(written, table);
      tables.add(table);
    }
    return tables;
  }

  private void refuseUncarriedTypes(String written, TableMetadata table) {
    for (UncarriedColumn uncarried : uncarriedColumns(dialect, table, written)) {
      throw StagingException.configuration(uncarried.message());
    }
  }

  /**
   * The columns of {@code metadata} whose type {@code dialect} cannot carry intact, in the table's
   * order, named under {@code table}.
   */
  public static List<UncarriedColumn> uncarriedColumns(
      Dialect dialect, TableMetadata metadata, String table) {
    return metadata.columns().stream()
        .flatMap(
            c ->
                dialect
                    .refusedType(c)
                    .map(reason -> new UncarriedColumn(table, c, reason))
                    .stream())
        .toList();
  }

  private String missing(String written, String stored, List<String> existing) {
    String hint =
        existing.stream()
            .filter(e -> e.toLowerCase(Locale.ROOT).equals(stored.toLowerCase(Locale.ROOT)))
            .findFirst()
            .map(e -> " (did you mean \"" + e + "\"? quote names whose case matters)")
            .orElse(": fix the table name in the scope, or create the table");
    return "staged table "
        + written
        + " does not exist in schema "
        + schema
        + " of the "
        + side
        + " database"
        + hint;
  }
}
