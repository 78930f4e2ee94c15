// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.api.ErrorCategory;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.config.ConnectionSettings;
import org.stagingutils.core.connect.Database;
import org.stagingutils.core.connect.DatabaseOpener;
import org.stagingutils.core.dialect.Dialect;
import org.stagingutils.core.testdb.CatalogSchema;
import org.stagingutils.core.testdb.DatabaseKind;
import org.stagingutils.core.testdb.TestDatabase;
import org.stagingutils.core.testdb.TestDatabases;

class MetadataReaderIT {

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void readsKeysUniqueIndexesAndForeignKeysOfTheCatalog(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind);
        Database database = open(db);
        Connection c = database.connection()) {
      CatalogSchema.create(db);
      Dialect d = database.dialect();
      Map<String, TableMetadata> tables = resolve(c, database, CatalogSchema.STAGED_TABLES);

      TableMetadata price = tables.get("LISTPRICE");
      assertThat(price.primaryKey().orElseThrow().columns())
          .containsExactly(f(d, "CATENTRY_ID"), f(d, "CURRENCY"), f(d, "START_DATE"));

      TableMetadata attr = tables.get("ATTRVAL");
      assertThat(attr.primaryKey()).isEmpty();
      assertThat(attr.captureKey().orElseThrow().columns())
          .containsExactly(f(d, "CATENTRY_ID"), f(d, "ATTR_NAME"));

      TableMetadata entry = tables.get("CATENTRY");
      assertThat(entry.uniqueKeys())
          .extracting(Key::columns)
          .containsExactly(List.of(f(d, "PARTNUMBER")));
      assertThat(entry.column(f(d, "NAME")).nullable()).isFalse();
      assertThat(entry.column(f(d, "FIELD1")).nullable()).isTrue();

      TableMetadata group = tables.get("CATGROUP");
      ForeignKey parent =
          group.foreignKeys().stream()
              .filter(ForeignKey::selfReferencing)
              .findFirst()
              .orElseThrow();
      assertThat(parent.columns()).containsExactly(f(d, "PARENT_ID"));
      assertThat(parent.deleteRule()).isEqualTo(DatabaseMetaData.importedKeyCascade);

      TableMetadata promo = tables.get("PromoRule");
      assertThat(promo.name().name()).isEqualTo("PromoRule");
      assertThat(promo.primaryKey().orElseThrow().columns()).containsExactly("RuleId");
      assertThat(promo.foreignKeys())
          .singleElement()
          .satisfies(fk -> assertThat(fk.columns()).containsExactly("CatEntryId"));

      DependencyGraph graph = DependencyGraph.of(List.copyOf(tables.values()));
      List<String> order =
          graph.parentsFirst().stream().map(t -> t.name().name().toUpperCase()).toList();
      assertThat(order.indexOf("STORE")).isLessThan(order.indexOf("CATALOG"));
      assertThat(order.indexOf("CATALOG")).isLessThan(order.indexOf("CATGROUP"));
      assertThat(order.indexOf("CATGROUP")).isLessThan(order.indexOf("CATGPENREL"));
      assertThat(order.indexOf("CATENTRY")).isLessThan(order.indexOf("LISTPRICE"));
      assertThat(order.indexOf("CATENTRY")).isLessThan(order.indexOf("PROMORULE"));
      assertThat(graph.selfReferencing())
          .extracting(t -> t.name().name().toUpperCase())
          .containsExactly("CATGROUP");
      assertThat(graph.cycles()).isEmpty();
      assertThat(graph.externalReferences()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void refusesMissingTablesAndTablesWithoutKeysNamingThem(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind);
        Database database = open(db);
        Connection c = database.connection()) {
      CatalogSchema.create(db);
      db.execute("CREATE TABLE NOKEY (A INTEGER, B VARCHAR(10))");

      assertThatThrownBy(() -> resolve(c, database, List.of("NOSUCHTABLE")))
          .isInstanceOf(StagingException.class)
          .hasMessageContaining("NOSUCHTABLE")
          .hasMessageContaining("does not exist")
          .satisfies(
              e ->
                  assertThat(((StagingException) e).category())
                      .isEqualTo(ErrorCategory.CONFIGURATION));
      assertThatThrownBy(() -> resolve(c, database, List.of("NOKEY")))
          .hasMessageContaining("NOKEY")
          .hasMessageContaining("neither a primary key nor a unique index");
      // Unquoted names fold as the database folds them (MariaDB keeps them as written).
      if (kind != DatabaseKind.MARIADB) {
        // Written unquoted (resolve() would quote it): folds, so the mixed-case table is missed.
        assertThatThrownBy(
                () ->
                    new StagedTableResolver(c, database.dialect(), database.schema(), "staging")
                        .resolve(List.of("PromoRule")))
            .hasMessageContaining("did you mean \"PromoRule\"");
      }
    }
  }

  private static Map<String, TableMetadata> resolve(
      Connection c, Database database, List<String> names) throws Exception {
    List<String> written =
        names.stream().map(n -> n.equals(n.toUpperCase()) ? n : "\"" + n + "\"").toList();
    return new StagedTableResolver(c, database.dialect(), database.schema(), "staging")
        .resolve(written).stream()
            .collect(Collectors.toMap(t -> upperUnlessMixed(t.name().name()), Function.identity()));
  }

  private static String upperUnlessMixed(String name) {
    return name.equals(name.toLowerCase()) ? name.toUpperCase() : name;
  }

  private static String f(Dialect dialect, String name) {
    return dialect.foldUnquoted(name);
  }

  static Database open(TestDatabase db) {
    return DatabaseOpener.open(
        new ConnectionSettings("staging", db.url(), db.user(), db.password(), Optional.empty()));
  }
}
