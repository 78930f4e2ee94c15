// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.testdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A small store catalog in the shape of WebSphere Commerce's: the staged tables of a staging
 * session plus one operational table, with seed rows. DDL lives in {@code catalog-<kind>.sql} and
 * rows in {@code catalog-seed-<kind>.sql} beside this class.
 */
public final class CatalogSchema {

  /**
   * The staged tables, parents before children, as H2 and MariaDB store their names. PostgreSQL
   * folds the unquoted ones to lower case: use {@link #stagedTables(DatabaseKind)}.
   */
  public static final List<String> STAGED_TABLES =
      List.of(
          "STORE",
          "CATALOG",
          "CATGROUP",
          "CATENTRY",
          "CATGPENREL",
          "LISTPRICE",
          "ATTRVAL",
          "PromoRule");

  /** Tables the live store writes; never staged. */
  public static final List<String> OPERATIONAL_TABLES = List.of("ORDERITEMS");

  private static final Pattern STATEMENT_END = Pattern.compile(";\\s*$", Pattern.MULTILINE);
  private static final Pattern COMMENT_LINE = Pattern.compile("(?m)^\\s*--.*$");

  private CatalogSchema() {}

  /** The staged tables, parents first, as {@code kind} stores their names. */
  public static List<String> stagedTables(DatabaseKind kind) {
    return STAGED_TABLES.stream().map(table -> storedName(kind, table)).toList();
  }

  /** The name under which {@code kind} stores one of this schema's tables. */
  public static String storedName(DatabaseKind kind, String table) {
    boolean quoted = !table.equals(table.toUpperCase(Locale.ROOT));
    return kind == DatabaseKind.POSTGRESQL && !quoted ? table.toLowerCase(Locale.ROOT) : table;
  }

  /** Creates the tables and indexes, without rows. */
  public static void create(TestDatabase database) throws SQLException {
    database.execute(statements("catalog-" + suffix(database)));
  }

  /** Inserts the seed rows into tables made by {@link #create(TestDatabase)}. */
  public static void seed(TestDatabase database) throws SQLException {
    database.execute(statements("catalog-seed-" + suffix(database)));
  }

  private static String suffix(TestDatabase database) {
    return database.kind().name().toLowerCase(Locale.ROOT) + ".sql";
  }

  private static String[] statements(String resource) {
    String script = COMMENT_LINE.matcher(read(resource)).replaceAll("");
    return Arrays.stream(STATEMENT_END.split(script))
        .map(String::strip)
        .filter(statement -> !statement.isEmpty())
        .toArray(String[]::new);
  }

  private static String read(String resource) {
    try (InputStream in = CatalogSchema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
