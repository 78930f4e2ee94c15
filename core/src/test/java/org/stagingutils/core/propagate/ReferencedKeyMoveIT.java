// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stagingutils.core.testdb.DatabaseKind;

/**
 * A referenced row gets a new key in staging once nothing points at it any more: its children were
 * deleted or pointed elsewhere first. Production moves the row in place, parents before children,
 * so its own children must be out of the way before: the foreign key refuses the move otherwise.
 */
class ReferencedKeyMoveIT {
  /** Ends a round of edits: the ones before it are propagated first. */
  private static final String PROPAGATE = "propagate";

  static Stream<Arguments> histories() {
    List<List<String>> histories =
        List.of(
            // a category's placements go, then it changes key
            List.of(
                "DELETE FROM CATGPENREL WHERE CATGROUP_ID = 102",
                "UPDATE CATGROUP SET CATGROUP_ID = 150 WHERE CATGROUP_ID = 102"),
            // its placements move to another category (part of their key), then it changes key
            List.of(
                "UPDATE CATGPENREL SET CATGROUP_ID = 200 WHERE CATGROUP_ID = 102",
                "UPDATE CATGROUP SET CATGROUP_ID = 150 WHERE CATGROUP_ID = 102"),
            // a sub-category is re-parented (no part of its key), then its parent changes key
            List.of(
                "DELETE FROM CATGPENREL WHERE CATGROUP_ID = 101",
                "UPDATE CATGROUP SET PARENT_ID = 200 WHERE CATGROUP_ID = 102",
                "UPDATE CATGROUP SET CATGROUP_ID = 160 WHERE CATGROUP_ID = 101"),
            // a product's rule points elsewhere, its prices, values and placements go, new key
            List.of(
                "INSERT INTO \"PromoRule\" (\"RuleId\", \"CatEntryId\") VALUES (3, 1002)",
                PROPAGATE,
                "UPDATE \"PromoRule\" SET \"CatEntryId\" = 2001 WHERE \"CatEntryId\" = 1002",
                "DELETE FROM LISTPRICE WHERE CATENTRY_ID = 1002",
                "DELETE FROM ATTRVAL WHERE CATENTRY_ID = 1002",
                "DELETE FROM CATGPENREL WHERE CATENTRY_ID = 1002",
                "UPDATE CATENTRY SET CATENTRY_ID = 1502 WHERE CATENTRY_ID = 1002",
                "INSERT INTO LISTPRICE (CATENTRY_ID, CURRENCY, START_DATE, PRICE)"
                    + " VALUES (1502, 'USD', DATE '2024-01-01', 129)"),
            // a category goes, its placements with it (unlogged on MariaDB: production deletes
            // the category after the upserts), then a product it held changes key
            List.of(
                "DELETE FROM CATGROUP WHERE CATGROUP_ID = 102",
                "DELETE FROM LISTPRICE WHERE CATENTRY_ID = 1002",
                "DELETE FROM ATTRVAL WHERE CATENTRY_ID = 1002",
                "UPDATE CATENTRY SET CATENTRY_ID = 1502 WHERE CATENTRY_ID = 1002"),
            // a category is deleted and created again: its sub-category and their placements go
            // with it before the upserts, then a product placed there changes key
            List.of(
                "DELETE FROM CATGROUP WHERE CATGROUP_ID = 101",
                "INSERT INTO CATGROUP (CATGROUP_ID, CATALOG_ID, PARENT_ID, IDENTIFIER)"
                    + " VALUES (101, 10, 100, 'Women')",
                "DELETE FROM LISTPRICE WHERE CATENTRY_ID = 1002",
                "DELETE FROM ATTRVAL WHERE CATENTRY_ID = 1002",
                "UPDATE CATENTRY SET CATENTRY_ID = 1502 WHERE CATENTRY_ID = 1002"),
            // a category tree goes from its root: a placement two levels down goes with it
            // (unlogged on MariaDB), then the product placed there changes key
            List.of(
                "DELETE FROM CATGROUP WHERE CATGROUP_ID = 100",
                "DELETE FROM LISTPRICE WHERE CATENTRY_ID = 1002",
                "DELETE FROM ATTRVAL WHERE CATENTRY_ID = 1002",
                "UPDATE CATENTRY SET CATENTRY_ID = 1502 WHERE CATENTRY_ID = 1002"),
            // a product is deleted (its prices, values and placements with it) and created again
            // at the same key, which then changes: production's old row goes with its children
            List.of(
                "DELETE FROM CATENTRY WHERE CATENTRY_ID = 1002",
                "INSERT INTO CATENTRY (CATENTRY_ID, PARTNUMBER, NAME, LAST_UPDATE, GUID) VALUES"
                    + " (1002, 'AUR-DRS-002', 'Again', TIMESTAMP '2024-05-01 10:00:00',"
                    + " '11111111-2222-4333-8444-555555555555')",
                "UPDATE CATENTRY SET CATENTRY_ID = 1502 WHERE CATENTRY_ID = 1002"));
    return Stream.of(DatabaseKind.values())
        .flatMap(
            kind ->
                IntStream.range(0, histories.size())
                    .mapToObj(i -> Arguments.of(kind, i, histories.get(i))));
  }

  @ParameterizedTest(name = "{0} history {1}")
  @MethodSource("histories")
  void productionEqualsStagingAndARerunConverges(DatabaseKind kind, int history, List<String> edits)
      throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      List<String> remaining =
          edits.stream()
              .map(edit -> kind == DatabaseKind.MARIADB ? edit.replace('"', '`') : edit)
              .toList();
      int round = remaining.indexOf(PROPAGATE);
      if (round >= 0) {
        session.edit(remaining.subList(0, round).toArray(String[]::new));
        assertThat(session.propagate(ConflictPolicy.FAIL).refused()).isFalse();
        remaining = remaining.subList(round + 1, remaining.size());
      }
      session.edit(remaining.toArray(String[]::new));

      session.propagateAndRerunAfterCrash();
    }
  }

  /**
   * Rows inserted in production during the session that point at the old key (a placement staging
   * never saw, an order line of the live store) would make the move fail: a conflict, found before
   * anything is written.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(DatabaseKind.class)
  void rowsOnlyProductionHasPointingAtTheOldKeyAreAConflict(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.editProduction(
          "INSERT INTO CATGPENREL (CATGROUP_ID, CATENTRY_ID, DISPLAY_SEQ) VALUES (102, 2001, 9)",
          "INSERT INTO ORDERITEMS (ORDERITEMS_ID, CATENTRY_ID, QUANTITY, PRICE, TIMECREATED)"
              + " VALUES (50003, 1002, 1, 129, TIMESTAMP '2024-06-01 10:00:00')");
      session.edit(
          "DELETE FROM CATGPENREL WHERE CATGROUP_ID = 102",
          "UPDATE CATGROUP SET CATGROUP_ID = 150 WHERE CATGROUP_ID = 102",
          "DELETE FROM LISTPRICE WHERE CATENTRY_ID = 1002",
          "DELETE FROM ATTRVAL WHERE CATENTRY_ID = 1002",
          "DELETE FROM CATGPENREL WHERE CATENTRY_ID = 1002",
          "UPDATE CATENTRY SET CATENTRY_ID = 1502 WHERE CATENTRY_ID = 1002");
      var before = session.production();

      PropagationResult result = session.propagate(ConflictPolicy.FAIL);

      assertThat(result.refused()).isTrue();
      assertThat(result.conflicts())
          .extracting(c -> c.kind() + " " + c.key().values() + " " + c.message())
          .anySatisfy(c -> assertThat(c).contains("REFERENCE [150]", "still reference its old key"))
          .anySatisfy(
              c -> assertThat(c).contains("REFERENCE [1502]", "still reference its old key"));
      assertThat(session.production()).isEqualTo(before);
    }
  }

  /**
   * With {@code --before}, a product's rule pointed elsewhere before the cutoff and edited again
   * after it waits whole; so must the product's key change, which production's rule, still pointing
   * at the old key, would refuse.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(DatabaseKind.class)
  void aKeyChangeWaitsForTheRowStillPointingAtItInProduction(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      String promo = session.q("PromoRule");
      String rule = session.q("RuleId");
      String product = session.q("CatEntryId");
      session.edit("INSERT INTO " + promo + " (" + rule + ", " + product + ") VALUES (3, 1002)");
      assertThat(session.propagate(ConflictPolicy.FAIL).refused()).isFalse();
      session.edit(
          "UPDATE " + promo + " SET " + product + " = 2001 WHERE " + rule + " = 3",
          "DELETE FROM LISTPRICE WHERE CATENTRY_ID = 1002",
          "DELETE FROM ATTRVAL WHERE CATENTRY_ID = 1002",
          "DELETE FROM CATGPENREL WHERE CATENTRY_ID = 1002",
          "UPDATE CATENTRY SET CATENTRY_ID = 1502 WHERE CATENTRY_ID = 1002");
      Thread.sleep(300);
      java.time.Instant cutoff = java.time.Instant.now();
      Thread.sleep(300);
      session.edit(
          "UPDATE " + promo + " SET " + session.q("Priority") + " = 5 WHERE " + rule + " = 3");

      PropagationResult result = session.propagateBefore(cutoff);

      assertThat(result.refused()).as("%s %s", result.message(), result.conflicts()).isFalse();
      assertThat(
              session
                  .production()
                  .get(org.stagingutils.core.testdb.CatalogSchema.storedName(kind, "CATENTRY")))
          .anySatisfy(row -> assertThat(row).containsIgnoringCase("CATENTRY_ID=1002;"));
      assertThat(session.pending()).isPositive();

      session.propagate(ConflictPolicy.FAIL);
      assertThat(session.production()).isEqualTo(session.staging());
      assertThat(session.pending()).isZero();
    }
  }
}
