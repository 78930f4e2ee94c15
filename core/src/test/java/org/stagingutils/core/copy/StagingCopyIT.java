// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.api.ErrorCategory;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.config.ConnectionSettings;
import org.stagingutils.core.config.StagingConfig;
import org.stagingutils.core.connect.Database;
import org.stagingutils.core.connect.DatabaseOpener;
import org.stagingutils.core.control.ControlSchema;
import org.stagingutils.core.control.RunLocks;
import org.stagingutils.core.testdb.CatalogSchema;
import org.stagingutils.core.testdb.DatabaseKind;
import org.stagingutils.core.testdb.DatabasePair;
import org.stagingutils.core.testdb.TableSnapshot;
import org.stagingutils.core.testdb.TestDatabase;
import org.stagingutils.core.testdb.TestDatabases;

class StagingCopyIT {
  private static final int MEGABYTE = 1024 * 1024;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void makesEveryStagedTableEqualToProductionAndLeavesOperationalTablesAlone(DatabaseKind kind)
      throws Exception {
    try (DatabasePair pair = seededPair(kind)) {
      addLargeEntry(pair.production());
      editStaging(pair.staging());
      TableSnapshot orders = TableSnapshot.of(pair.staging(), stored(kind, "ORDERITEMS"));

      CopyResult result = new StagingCopy().copy(request(pair, false, false));

      assertThat(staged(pair.staging())).isEqualTo(staged(pair.production()));
      assertThat(TableSnapshot.of(pair.staging(), stored(kind, "ORDERITEMS"))).isEqualTo(orders);
      assertThat(result.sessionId()).isPositive();
      assertThat(result.dryRun()).isFalse();
      assertThat(result.tables())
          .extracting(TableCopy::table)
          .containsExactlyInAnyOrderElementsOf(CatalogSchema.stagedTables(kind));
      assertThat(result.tables())
          .filteredOn(t -> t.table().equalsIgnoreCase("CATENTRY"))
          .extracting(TableCopy::rows)
          .containsExactly(4L);
      assertThat(result.rows()).isEqualTo(rowCount(staged(pair.production())));
      assertThat(logSize(pair.staging())).isZero();

      // Capture is on afterwards: an edit in staging is logged.
      pair.staging()
          .execute(
              "UPDATE " + table(pair.staging(), "STORE") + " SET STATUS = 5 WHERE STORE_ID = 1");
      assertThat(logSize(pair.staging())).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void refusesToOverwriteUnpropagatedChangesUnlessForced(DatabaseKind kind) throws Exception {
    try (DatabasePair pair = seededPair(kind)) {
      new StagingCopy().copy(request(pair, false, false));
      pair.staging()
          .execute(
              "UPDATE "
                  + table(pair.staging(), "CATENTRY")
                  + " SET NAME = 'x' WHERE CATENTRY_ID = 1001",
              "DELETE FROM " + table(pair.staging(), "STORE") + " WHERE STORE_ID = 2 AND 1 = 0");
      Map<String, TableSnapshot> before = staged(pair.staging());

      assertThatThrownBy(() -> new StagingCopy().copy(request(pair, false, false)))
          .isInstanceOfSatisfying(StagingException.class, category(ErrorCategory.REFUSED))
          .hasMessageContaining(stored(kind, "CATENTRY") + ": 1 unpropagated changes")
          .hasMessageContaining("run stagingprop first, or --force to discard them");
      assertThat(staged(pair.staging())).isEqualTo(before);
      assertThat(logSize(pair.staging())).isEqualTo(1);

      new StagingCopy().copy(request(pair, false, true));
      assertThat(staged(pair.staging())).isEqualTo(staged(pair.production()));
      assertThat(logSize(pair.staging())).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void dryRunCountsProductionRowsAndChangesNothing(DatabaseKind kind) throws Exception {
    try (DatabasePair pair = seededPair(kind)) {
      editStaging(pair.staging());
      Map<String, TableSnapshot> before = staged(pair.staging());

      CopyResult result = new StagingCopy().copy(request(pair, true, false));

      assertThat(result.dryRun()).isTrue();
      assertThat(result.sessionId()).isZero();
      Map<String, TableSnapshot> production = staged(pair.production());
      for (TableCopy table : result.tables()) {
        assertThat(table.rows())
            .as(table.table())
            .isEqualTo(production.get(table.table()).rowCount());
      }
      assertThat(result.rows()).isEqualTo(rowCount(production));
      assertThat(staged(pair.staging())).isEqualTo(before);
      assertThat(tableExists(pair.staging(), "STAGLOG")).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void configurationErrorsNameTheTableAndChangeNothing(DatabaseKind kind) throws Exception {
    try (DatabasePair pair = seededPair(kind)) {
      editStaging(pair.staging());
      for (TestDatabase db : List.of(pair.production(), pair.staging())) {
        db.execute("CREATE TABLE NOKEY (A INTEGER, B VARCHAR(10))");
      }
      pair.staging()
          .execute("ALTER TABLE " + table(pair.staging(), "CATALOG") + " ADD EXTRA INTEGER");
      Map<String, TableSnapshot> before = staged(pair.staging());

      assertConfigurationError(pair, List.of("STORE", "NOSUCHTABLE"), "NOSUCHTABLE");
      assertConfigurationError(pair, List.of("STORE", "NOKEY"), "NOKEY");
      assertConfigurationError(pair, List.of("STORE", "CATALOG"), stored(kind, "CATALOG"));

      assertThat(staged(pair.staging())).isEqualTo(before);
      assertThat(tableExists(pair.staging(), "STAGLOG")).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aSecondRunWhileTheLockIsHeldFailsWithLocked(DatabaseKind kind) throws Exception {
    try (DatabasePair pair = seededPair(kind)) {
      new StagingCopy().copy(request(pair, false, false));
      try (Database staging = DatabaseOpener.open(config(pair).staging());
          RunLocks lock = RunLocks.acquire(staging)) {
        assertThatThrownBy(() -> new StagingCopy().copy(request(pair, false, false)))
            .isInstanceOfSatisfying(StagingException.class, category(ErrorCategory.LOCKED));
      }
      new StagingCopy().copy(request(pair, false, false));
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void copiesACategoryTreeWhoseChildrenComeBeforeTheirParents(DatabaseKind kind) throws Exception {
    try (DatabasePair pair = seededPair(kind)) {
      String group = table(pair.production(), "CATGROUP");
      // Physical order: children first, their parents later; links set afterwards.
      pair.production()
          .execute(
              "INSERT INTO "
                  + group
                  + " (CATGROUP_ID, CATALOG_ID, IDENTIFIER) VALUES (900, 10, 'c')",
              "INSERT INTO "
                  + group
                  + " (CATGROUP_ID, CATALOG_ID, IDENTIFIER) VALUES (800, 10, 'b')",
              "INSERT INTO "
                  + group
                  + " (CATGROUP_ID, CATALOG_ID, IDENTIFIER) VALUES (700, 10, 'a')",
              "UPDATE " + group + " SET PARENT_ID = 800 WHERE CATGROUP_ID = 900",
              "UPDATE " + group + " SET PARENT_ID = 700 WHERE CATGROUP_ID = 800",
              "UPDATE " + group + " SET PARENT_ID = 100 WHERE CATGROUP_ID = 700");
      // Staging has its own tree the other way round, which must go.
      String stagingGroup = table(pair.staging(), "CATGROUP");
      pair.staging()
          .execute(
              "INSERT INTO "
                  + stagingGroup
                  + " (CATGROUP_ID, CATALOG_ID, IDENTIFIER) VALUES (600, 10, 'x')",
              "INSERT INTO "
                  + stagingGroup
                  + " (CATGROUP_ID, CATALOG_ID, PARENT_ID, IDENTIFIER)"
                  + " VALUES (601, 10, 600, 'y')",
              "UPDATE " + stagingGroup + " SET PARENT_ID = 601 WHERE CATGROUP_ID = 100");

      new StagingCopy().copy(request(pair, false, false));

      assertThat(staged(pair.staging())).isEqualTo(staged(pair.production()));
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aFailureMidCopyLeavesStagingAsItWasAndNamesTheTable(DatabaseKind kind) throws Exception {
    try (DatabasePair pair = seededPair(kind)) {
      editStaging(pair.staging());
      makePromoRulesFailToLoad(pair);
      Map<String, TableSnapshot> before = staged(pair.staging());

      assertThatThrownBy(() -> new StagingCopy().copy(request(pair, false, false)))
          .isInstanceOfSatisfying(StagingException.class, category(ErrorCategory.DATABASE))
          .hasMessageContaining("PromoRule");

      assertThat(staged(pair.staging())).isEqualTo(before);
      assertThat(logSize(pair.staging())).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void copyingSomeTablesLeavesTheOthersAndTheirChangesAlone(DatabaseKind kind) throws Exception {
    try (DatabasePair pair = seededPair(kind)) {
      new StagingCopy().copy(request(pair, false, false));
      pair.staging()
          .execute(
              "UPDATE " + table(pair.staging(), "LISTPRICE") + " SET PRICE = 1",
              "UPDATE " + table(pair.staging(), "STORE") + " SET STATUS = 9 WHERE STORE_ID = 1");
      TableSnapshot prices = TableSnapshot.of(pair.staging(), stored(kind, "LISTPRICE"));
      long logged = logSize(pair.staging());

      CopyResult result =
          new StagingCopy().copy(request(pair, List.of("STORE", "CATALOG"), false, true));

      assertThat(result.tables())
          .extracting(TableCopy::table)
          .containsExactly(stored(kind, "STORE"), stored(kind, "CATALOG"));
      assertThat(TableSnapshot.of(pair.staging(), stored(kind, "STORE")))
          .isEqualTo(TableSnapshot.of(pair.production(), stored(kind, "STORE")));
      assertThat(TableSnapshot.of(pair.staging(), stored(kind, "LISTPRICE"))).isEqualTo(prices);
      assertThat(logSize(pair.staging())).isEqualTo(logged - 1);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void scriptFileHoldsTheCopyAndStagingIsUnchanged(DatabaseKind kind, @TempDir Path dir)
      throws Exception {
    try (DatabasePair pair = seededPair(kind)) {
      editStaging(pair.staging());
      Map<String, TableSnapshot> before = staged(pair.staging());
      Path script = dir.resolve("copy.sql");

      CopyResult result =
          new StagingCopy()
              .copy(
                  new CopyRequest(
                      config(pair),
                      written(CatalogSchema.STAGED_TABLES),
                      false,
                      false,
                      100,
                      Optional.of(script)));

      assertThat(result.sessionId()).isZero();
      assertThat(staged(pair.staging())).isEqualTo(before);
      String sql = Files.readString(script);
      assertThat(sql).contains("INSERT INTO", "DELETE FROM", "Summer dress");
      if (kind == DatabaseKind.H2) {
        // The other dialects' scripts were checked with psql and mariadb by hand.
        try (Database staging = DatabaseOpener.open(config(pair).staging())) {
          ControlSchema.migrateStaging(staging.dataSource(), staging.dialect(), staging.schema());
        }
        pair.staging().execute("RUNSCRIPT FROM '" + script + "'");
        assertThat(staged(pair.staging())).isEqualTo(staged(pair.production()));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void copiesTablesThatReferenceEachOtherInACycle(DatabaseKind kind) throws Exception {
    try (DatabasePair pair = TestDatabases.createPair(kind)) {
      for (TestDatabase db : List.of(pair.production(), pair.staging())) {
        db.execute(
            "CREATE TABLE CYCLE_A (ID INTEGER NOT NULL PRIMARY KEY, B_ID INTEGER)",
            "CREATE TABLE CYCLE_B (ID INTEGER NOT NULL PRIMARY KEY, A_ID INTEGER)",
            "ALTER TABLE CYCLE_A ADD CONSTRAINT A_TO_B FOREIGN KEY (B_ID) REFERENCES CYCLE_B (ID)",
            "ALTER TABLE CYCLE_B ADD CONSTRAINT B_TO_A FOREIGN KEY (A_ID) REFERENCES CYCLE_A (ID)");
      }
      pair.production()
          .execute(
              "INSERT INTO CYCLE_A (ID) VALUES (1), (2)",
              "INSERT INTO CYCLE_B (ID, A_ID) VALUES (10, 1), (20, 2)",
              "UPDATE CYCLE_A SET B_ID = 20 WHERE ID = 1",
              "UPDATE CYCLE_A SET B_ID = 10 WHERE ID = 2");
      pair.staging()
          .execute(
              "INSERT INTO CYCLE_A (ID) VALUES (3)",
              "INSERT INTO CYCLE_B (ID, A_ID) VALUES (30, 3)",
              "UPDATE CYCLE_A SET B_ID = 30 WHERE ID = 3");
      List<String> tables = List.of("CYCLE_A", "CYCLE_B");

      new StagingCopy().copy(request(pair, tables, false, false));

      List<String> stored = tables.stream().map(t -> stored(kind, t)).toList();
      assertThat(TableSnapshot.of(pair.staging(), stored))
          .isEqualTo(TableSnapshot.of(pair.production(), stored));
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aNotNullSelfReferenceNeedsForeignKeyChecksOff(DatabaseKind kind) throws Exception {
    try (DatabasePair pair = TestDatabases.createPair(kind)) {
      for (TestDatabase db : List.of(pair.production(), pair.staging())) {
        db.execute(
            "CREATE TABLE TREE (ID INTEGER NOT NULL PRIMARY KEY, PARENT INTEGER NOT NULL)",
            "ALTER TABLE TREE ADD CONSTRAINT UP FOREIGN KEY (PARENT) REFERENCES TREE (ID)");
      }
      pair.production().execute("INSERT INTO TREE (ID, PARENT) VALUES (1, 1)");

      if (kind == DatabaseKind.MARIADB) {
        new StagingCopy().copy(request(pair, List.of("TREE"), false, false));
        assertThat(TableSnapshot.of(pair.staging(), "TREE"))
            .isEqualTo(TableSnapshot.of(pair.production(), "TREE"));
      } else {
        assertThatThrownBy(
                () -> new StagingCopy().copy(request(pair, List.of("TREE"), false, false)))
            .isInstanceOfSatisfying(StagingException.class, category(ErrorCategory.CONFIGURATION))
            .hasMessageContaining(stored(kind, "TREE"))
            .hasMessageContaining(stored(kind, "PARENT"));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void writesProductionStraightIntoEmptyStagedTables(DatabaseKind kind) throws Exception {
    try (DatabasePair pair = TestDatabases.createPair(kind)) {
      CatalogSchema.create(pair.production());
      CatalogSchema.seed(pair.production());
      addLargeEntry(pair.production());
      CatalogSchema.create(pair.staging());

      CopyResult result = new StagingCopy().copy(request(pair, false, false));

      assertThat(staged(pair.staging())).isEqualTo(staged(pair.production()));
      assertThat(result.rows()).isEqualTo(rowCount(staged(pair.production())));
      assertThat(logSize(pair.staging())).isZero();
      pair.staging()
          .execute(
              "UPDATE " + table(pair.staging(), "STORE") + " SET STATUS = 5 WHERE STORE_ID = 1");
      assertThat(logSize(pair.staging())).isEqualTo(1);
    }
  }

  /**
   * Where the copy takes the capture trigger and foreign keys off a table for its bulk load
   * (PostgreSQL), they come back as they were, whether the copy succeeds or fails.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aDirectLoadKeepsForeignKeysAndCaptureWhetherItSucceedsOrFails(DatabaseKind kind)
      throws Exception {
    try (DatabasePair pair = TestDatabases.createPair(kind)) {
      CatalogSchema.create(pair.production());
      CatalogSchema.seed(pair.production());
      CatalogSchema.create(pair.staging());
      List<String> foreignKeys = foreignKeys(pair.staging());
      assertThat(foreignKeys).isNotEmpty();
      // A table written after its parents refuses a row: the loads before it are rolled back.
      makePromoRulesFailToLoad(pair);

      assertThatThrownBy(() -> new StagingCopy().copy(request(pair, false, false)))
          .isInstanceOf(StagingException.class);
      assertThat(foreignKeys(pair.staging())).isEqualTo(foreignKeys);
      assertThat(rowCount(staged(pair.staging()))).isZero();

      letPromoRulesLoad(pair);
      new StagingCopy().copy(request(pair, false, false));
      assertThat(foreignKeys(pair.staging())).isEqualTo(foreignKeys);
      assertThat(staged(pair.staging())).isEqualTo(staged(pair.production()));
      // Checked again, and captured again.
      assertThatThrownBy(
              () ->
                  pair.staging()
                      .execute(
                          "INSERT INTO "
                              + table(pair.staging(), "LISTPRICE")
                              + " (CATENTRY_ID, CURRENCY, START_DATE, PRICE)"
                              + " VALUES (999999, 'USD', DATE '2024-01-01', 1)"))
          .isInstanceOf(SQLException.class);
      pair.staging()
          .execute(
              "UPDATE " + table(pair.staging(), "STORE") + " SET STATUS = 5 WHERE STORE_ID = 1");
      assertThat(logSize(pair.staging())).isEqualTo(1);
    }
  }

  /**
   * Where the copy drops keys and indexes for a bulk load and builds them again (PostgreSQL), every
   * one comes back under its name with its definition, and a failed copy leaves them untouched.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aDirectLoadLeavesKeysAndIndexesAsTheyWereWhetherItSucceedsOrFails(DatabaseKind kind)
      throws Exception {
    try (DatabasePair pair = TestDatabases.createPair(kind)) {
      CatalogSchema.create(pair.production());
      CatalogSchema.seed(pair.production());
      CatalogSchema.create(pair.staging());
      // Unique keys take part in the schema comparison, so both sides get the same ones.
      for (TestDatabase db : List.of(pair.production(), pair.staging())) {
        db.execute(
            "CREATE INDEX CATENTRY_NAME ON " + table(db, "CATENTRY") + " (NAME)",
            "CREATE UNIQUE INDEX LISTPRICE_BY_DATE ON "
                + table(db, "LISTPRICE")
                + " (START_DATE, CURRENCY, CATENTRY_ID)");
        if (kind == DatabaseKind.POSTGRESQL) {
          // The kinds of definition a rebuild could lose: order, INCLUDE, a predicate, a method,
          // storage parameters, a deferrable unique constraint.
          db.execute(
              "CREATE INDEX LISTPRICE_RECENT ON listprice (start_date DESC NULLS LAST)"
                  + " INCLUDE (price) WITH (fillfactor = 70) WHERE price > 0",
              "CREATE INDEX CATENTRY_UPPER_NAME ON catentry USING hash (upper(name))",
              "ALTER TABLE \"PromoRule\" ADD CONSTRAINT PROMO_ORDER"
                  + " UNIQUE (\"RuleId\", \"Priority\") DEFERRABLE INITIALLY DEFERRED");
        }
      }
      List<String> indexes = indexes(pair.staging());
      makePromoRulesFailToLoad(pair);

      assertThatThrownBy(() -> new StagingCopy().copy(request(pair, false, false)))
          .isInstanceOf(StagingException.class);
      assertThat(indexes(pair.staging())).isEqualTo(indexes);
      assertThat(rowCount(staged(pair.staging()))).isZero();

      letPromoRulesLoad(pair);
      new StagingCopy().copy(request(pair, false, false));
      assertThat(indexes(pair.staging())).isEqualTo(indexes);
      assertThat(staged(pair.staging())).isEqualTo(staged(pair.production()));
      // Enforced again.
      assertThatThrownBy(
              () ->
                  pair.staging()
                      .execute(
                          "INSERT INTO "
                              + table(pair.staging(), "LISTPRICE")
                              + " (CATENTRY_ID, CURRENCY, START_DATE, PRICE)"
                              + " VALUES (1001, 'USD', DATE '2024-01-01', 1)"))
          .isInstanceOf(SQLException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void forcedCopyWritesEmptiedTablesDirectlyAndMergesTheOthers(DatabaseKind kind) throws Exception {
    try (DatabasePair pair = seededPair(kind)) {
      new StagingCopy().copy(request(pair, false, false));
      // Captured edits: merged tables drift, and two child tables are emptied.
      editStaging(pair.staging());
      pair.staging()
          .execute(
              "DELETE FROM " + table(pair.staging(), "LISTPRICE"),
              "DELETE FROM " + table(pair.staging(), "ATTRVAL"));
      // A product only production has: the merge must insert it before its price goes straight
      // into the emptied price table, where foreign keys are checked.
      addLargeEntry(pair.production());
      pair.production()
          .execute(
              "INSERT INTO "
                  + table(pair.production(), "LISTPRICE")
                  + " (CATENTRY_ID, CURRENCY, START_DATE, PRICE)"
                  + " VALUES (3001, 'USD', DATE '2024-01-01', 9.5)");
      assertThat(logSize(pair.staging())).isPositive();

      new StagingCopy().copy(request(pair, false, true));

      assertThat(staged(pair.staging())).isEqualTo(staged(pair.production()));
      assertThat(logSize(pair.staging())).isZero();
    }
  }

  // --- fixtures

  private static java.util.function.Consumer<StagingException> category(ErrorCategory expected) {
    return e -> assertThat(e.category()).as(e.getMessage()).isEqualTo(expected);
  }

  /**
   * Makes a copy fail at {@code PromoRule}, after its parents were written: staging refuses the
   * description every production rule now has.
   */
  private static void makePromoRulesFailToLoad(DatabasePair pair) throws SQLException {
    pair.staging()
        .execute(
            "ALTER TABLE "
                + table(pair.staging(), "PromoRule")
                + " ADD CONSTRAINT NOT_REJECTED CHECK ("
                + TableSnapshot.quote(pair.staging(), "Description")
                + " <> 'rejected')");
    pair.production()
        .execute(
            "UPDATE "
                + table(pair.production(), "PromoRule")
                + " SET "
                + TableSnapshot.quote(pair.production(), "Description")
                + " = 'rejected'");
  }

  private static void letPromoRulesLoad(DatabasePair pair) throws SQLException {
    pair.staging()
        .execute(
            "ALTER TABLE " + table(pair.staging(), "PromoRule") + " DROP CONSTRAINT NOT_REJECTED");
  }

  private static DatabasePair seededPair(DatabaseKind kind) throws SQLException {
    DatabasePair pair = TestDatabases.createPair(kind);
    try {
      for (TestDatabase db : List.of(pair.production(), pair.staging())) {
        CatalogSchema.create(db);
        CatalogSchema.seed(db);
      }
      return pair;
    } catch (SQLException | RuntimeException e) {
      pair.close();
      throw e;
    }
  }

  /** Staging drifts from production in every way a copy must undo. */
  private static void editStaging(TestDatabase staging) throws SQLException {
    staging.execute(
        "UPDATE "
            + table(staging, "CATENTRY")
            + " SET NAME = 'edited', THUMBNAIL = NULL"
            + " WHERE CATENTRY_ID = 1001",
        "DELETE FROM " + table(staging, "LISTPRICE") + " WHERE CURRENCY = 'EUR'",
        "INSERT INTO " + table(staging, "STORE") + " (STORE_ID, IDENTIFIER) VALUES (3, 'Extra')",
        "INSERT INTO "
            + table(staging, "CATALOG")
            + " (CATALOG_ID, STORE_ID, IDENTIFIER)"
            + " VALUES (30, 3, 'ExtraCat')",
        "UPDATE " + table(staging, "CATALOG") + " SET STORE_ID = 3 WHERE CATALOG_ID = 20",
        "INSERT INTO "
            + table(staging, "CATGROUP")
            + " (CATGROUP_ID, CATALOG_ID, PARENT_ID,"
            + " IDENTIFIER) VALUES (300, 10, 100, 'Staging only')",
        "INSERT INTO "
            + table(staging, "CATGPENREL")
            + " (CATGROUP_ID, CATENTRY_ID)"
            + " VALUES (300, 1002)",
        "DELETE FROM " + table(staging, "ATTRVAL") + " WHERE ATTR_NAME = 'size'");
  }

  /** A catalog entry with 1 MB of text and 1 MB of binary. */
  private static void addLargeEntry(TestDatabase production) throws SQLException {
    char[] text = new char[MEGABYTE];
    Arrays.fill(text, 'é');
    byte[] binary = new byte[MEGABYTE];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    try (Connection c = production.connection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO "
                    + table(production, "CATENTRY")
                    + " (CATENTRY_ID, PARTNUMBER, NAME, LAST_UPDATE, GUID, LONG_DESCRIPTION,"
                    + " THUMBNAIL) VALUES (3001, 'BIG-1', 'Big', TIMESTAMP '2024-05-01 10:00:00',"
                    + " 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', ?, ?)")) {
      ps.setString(1, new String(text));
      ps.setBytes(2, binary);
      ps.executeUpdate();
    }
  }

  private static void assertConfigurationError(
      DatabasePair pair, List<String> tables, String named) {
    assertThatThrownBy(() -> new StagingCopy().copy(request(pair, tables, false, false)))
        .isInstanceOfSatisfying(StagingException.class, category(ErrorCategory.CONFIGURATION))
        .hasMessageContaining(named);
  }

  private static CopyRequest request(DatabasePair pair, boolean dryRun, boolean force) {
    return request(pair, CatalogSchema.STAGED_TABLES, dryRun, force);
  }

  private static CopyRequest request(
      DatabasePair pair, List<String> tables, boolean dryRun, boolean force) {
    // A small batch size makes the generic path cut several batches.
    return new CopyRequest(config(pair), written(tables), dryRun, force, 2, Optional.empty());
  }

  private static StagingConfig config(DatabasePair pair) {
    return new StagingConfig(
        settings("staging", pair.staging()),
        settings("production", pair.production()),
        Map.of("catalog", written(CatalogSchema.STAGED_TABLES)),
        Optional.empty());
  }

  private static ConnectionSettings settings(String role, TestDatabase db) {
    return new ConnectionSettings(role, db.url(), db.user(), db.password(), Optional.empty());
  }

  /** As a user writes them in a scope: quoted where case matters. */
  private static List<String> written(List<String> tables) {
    return tables.stream().map(t -> t.equals(t.toUpperCase()) ? t : "\"" + t + "\"").toList();
  }

  private static String stored(DatabaseKind kind, String table) {
    return CatalogSchema.storedName(kind, table);
  }

  private static String table(TestDatabase db, String table) {
    return TableSnapshot.quote(db, stored(db.kind(), table));
  }

  private static Map<String, TableSnapshot> staged(TestDatabase db) throws SQLException {
    return TableSnapshot.of(db, CatalogSchema.stagedTables(db.kind()));
  }

  private static long rowCount(Map<String, TableSnapshot> snapshots) {
    return snapshots.values().stream().mapToLong(TableSnapshot::rowCount).sum();
  }

  private static long logSize(TestDatabase staging) throws SQLException {
    try (Connection c = staging.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table(staging, "STAGLOG"))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Every foreign key of the application's tables, as the driver describes it, sorted. */
  private static List<String> foreignKeys(TestDatabase db) throws SQLException {
    List<String> keys = new ArrayList<>();
    try (Connection c = db.connection()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", null)) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      // The suite's control tables appear with the first run.
      tables.removeIf(t -> t.toUpperCase(java.util.Locale.ROOT).startsWith("STAG"));
      for (String t : tables) {
        try (ResultSet rs = c.getMetaData().getImportedKeys(c.getCatalog(), c.getSchema(), t)) {
          while (rs.next()) {
            keys.add(
                String.join(
                    " ",
                    t,
                    rs.getString("FK_NAME"),
                    rs.getString("FKCOLUMN_NAME"),
                    rs.getString("PKTABLE_NAME"),
                    rs.getString("PKCOLUMN_NAME"),
                    rs.getString("UPDATE_RULE"),
                    rs.getString("DELETE_RULE"),
                    rs.getString("DEFERRABILITY")));
          }
        }
      }
    }
    java.util.Collections.sort(keys);
    return keys;
  }

  /**
   * Every index and key of the application's tables as the driver describes them (name, uniqueness,
   * columns and their order), sorted; on PostgreSQL also each one's full definition.
   */
  private static List<String> indexes(TestDatabase db) throws SQLException {
    List<String> indexes = new ArrayList<>();
    try (Connection c = db.connection()) {
      for (String t : CatalogSchema.stagedTables(db.kind())) {
        try (ResultSet rs =
            c.getMetaData().getIndexInfo(c.getCatalog(), c.getSchema(), t, false, false)) {
          while (rs.next()) {
            indexes.add(
                String.join(
                    " ",
                    t,
                    rs.getString("INDEX_NAME"),
                    rs.getString("NON_UNIQUE"),
                    rs.getString("ORDINAL_POSITION"),
                    rs.getString("COLUMN_NAME"),
                    rs.getString("ASC_OR_DESC"),
                    rs.getString("FILTER_CONDITION")));
          }
        }
        try (ResultSet rs = c.getMetaData().getPrimaryKeys(c.getCatalog(), c.getSchema(), t)) {
          while (rs.next()) {
            indexes.add(
                String.join(
                    " ", t, "primary key", rs.getString("PK_NAME"), rs.getString("COLUMN_NAME")));
          }
        }
      }
      if (db.kind() == DatabaseKind.POSTGRESQL) {
        try (Statement s = c.createStatement();
            ResultSet rs =
                s.executeQuery(
                    "SELECT tablename || ' ' || indexname || ' ' || indexdef FROM pg_indexes"
                        + " WHERE schemaname = current_schema()"
                        + " UNION ALL SELECT conrelid::regclass || ' ' || conname || ' '"
                        + " || pg_get_constraintdef(oid) FROM pg_constraint"
                        + " WHERE connamespace = current_schema()::regnamespace"
                        + " AND contype IN ('p', 'u', 'f', 'x')")) {
          while (rs.next()) {
            indexes.add(rs.getString(1));
          }
        }
      }
    }
    indexes.removeIf(i -> i.toUpperCase(java.util.Locale.ROOT).startsWith("STAG"));
    java.util.Collections.sort(indexes);
    return indexes;
  }

  private static boolean tableExists(TestDatabase db, String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = db.connection();
        ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", null)) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    return names.stream().anyMatch(n -> n.equalsIgnoreCase(table));
  }
}
