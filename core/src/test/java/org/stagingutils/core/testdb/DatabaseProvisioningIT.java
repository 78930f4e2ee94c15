// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.testdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** TestDatabases, CatalogSchema and their clean-up, on every supported database. */
class DatabaseProvisioningIT {

  private static final Map<String, Integer> SEED_ROWS = seedRows();

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void pairHoldsTheCatalogAndIsDroppedOnClose(DatabaseKind kind) throws SQLException {
    List<String> names;
    try (DatabasePair pair = TestDatabases.createPair(kind)) {
      TestDatabase production = pair.production();
      TestDatabase staging = pair.staging();
      names = List.of(production.name(), staging.name());
      assertThat(exists(kind, production.name())).isTrue();
      assertThat(production.name()).isNotEqualTo(staging.name()).matches("stg_[0-9a-f]{16}");

      CatalogSchema.create(production);
      CatalogSchema.seed(production);
      CatalogSchema.create(staging);

      for (Map.Entry<String, Integer> table : SEED_ROWS.entrySet()) {
        assertThat(rowCount(production, table.getKey()))
            .as(table.getKey())
            .isEqualTo(table.getValue());
        assertThat(rowCount(staging, table.getKey())).as(table.getKey()).isZero();
      }
    }
    for (String name : names) {
      assertThat(exists(kind, name)).as(name).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void tablesAreStoredUnderTheAdvertisedNames(DatabaseKind kind) throws SQLException {
    try (TestDatabase database = TestDatabases.create(kind);
        Connection connection = loadedCatalog(database).connection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      for (String table : CatalogSchema.stagedTables(kind)) {
        try (ResultSet tables =
            metaData.getTables(connection.getCatalog(), connection.getSchema(), table, null)) {
          assertThat(tables.next()).as(table).isTrue();
        }
      }
      String attrval = CatalogSchema.storedName(kind, "ATTRVAL");
      try (ResultSet primaryKey =
          metaData.getPrimaryKeys(connection.getCatalog(), connection.getSchema(), attrval)) {
        assertThat(primaryKey.next()).as("ATTRVAL has no primary key").isFalse();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void foreignKeysCascadeDownTheCategoryTree(DatabaseKind kind) throws SQLException {
    try (TestDatabase database = TestDatabases.create(kind)) {
      loadedCatalog(database)
          .execute("DELETE FROM " + quoted(database, "CATGROUP") + " WHERE CATGROUP_ID = 100");
      assertThat(rowCount(database, "CATGROUP")).isEqualTo(1);
      assertThat(rowCount(database, "CATGPENREL")).isEqualTo(1);
      assertThatThrownBy(
              () ->
                  database.execute(
                      "DELETE FROM " + quoted(database, "CATENTRY") + " WHERE CATENTRY_ID = 1001"))
          .as("an order refers to it")
          .isInstanceOf(SQLException.class);
    }
  }

  private static TestDatabase loadedCatalog(TestDatabase database) throws SQLException {
    CatalogSchema.create(database);
    CatalogSchema.seed(database);
    return database;
  }

  private static String quoted(TestDatabase database, String table) throws SQLException {
    try (Connection connection = database.connection()) {
      String quote = connection.getMetaData().getIdentifierQuoteString();
      return quote + CatalogSchema.storedName(database.kind(), table) + quote;
    }
  }

  private static int rowCount(TestDatabase database, String table) throws SQLException {
    try (Connection connection = database.connection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT COUNT(*) FROM " + quoted(database, table))) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** Asks the server itself, through a third database, whether a test database still exists. */
  private static boolean exists(DatabaseKind kind, String name) throws SQLException {
    if (kind == DatabaseKind.H2) {
      try {
        DriverManager.getConnection(H2Server.urlOf(name) + ";IFEXISTS=TRUE", "sa", "").close();
        return true;
      } catch (SQLException notFound) {
        return false;
      }
    }
    String query =
        kind == DatabaseKind.POSTGRESQL
            ? "SELECT COUNT(*) FROM pg_database WHERE datname = ?"
            : "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?";
    try (TestDatabase probe = TestDatabases.create(kind);
        Connection connection = probe.connection();
        PreparedStatement statement = connection.prepareStatement(query)) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1) > 0;
      }
    }
  }

  private static Map<String, Integer> seedRows() {
    Map<String, Integer> rows = new LinkedHashMap<>();
    rows.put("STORE", 2);
    rows.put("CATALOG", 2);
    rows.put("CATGROUP", 4);
    rows.put("CATENTRY", 3);
    rows.put("CATGPENREL", 4);
    rows.put("LISTPRICE", 5);
    rows.put("ATTRVAL", 4);
    rows.put("PromoRule", 2);
    rows.put("ORDERITEMS", 2);
    return rows;
  }
}
