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
 * Parents deleted and inserted again in staging while their children hang from them through ON
 * DELETE CASCADE. MariaDB's triggers never see what the cascade took, so production must replay the
 * delete for the cascade to take the same children, even where the parent comes back equal. Every
 * dialect runs the same histories: production must equal staging after the run and after a re-run
 * as if the first died before marking the log.
 */
class UnloggedCascadeIT {
  private static final String DRESS_1002 =
      "INSERT INTO CATENTRY (CATENTRY_ID, PARTNUMBER, NAME, PRICE, BUYABLE, WEIGHT, AVAILABLE_FROM,"
          + " LAST_UPDATE, GUID) VALUES (1002, 'AUR-DRS-002', '%s', 129.00, TRUE, 0.5,"
          + " DATE '2024-04-01', TIMESTAMP '2024-02-16 14:00:00',"
          + " '0b7e3f52-9a1d-4c6e-8f20-3d5b7c9e1a4f')";
  private static final String PRICE_1002 =
      "INSERT INTO LISTPRICE (CATENTRY_ID, CURRENCY, START_DATE, PRICE)"
          + " VALUES (1002, 'USD', DATE '2024-01-01', 129)";

  private static String category(int id, String parent, String identifier, int sequence) {
    return "INSERT INTO CATGROUP (CATGROUP_ID, CATALOG_ID, PARENT_ID, IDENTIFIER, DISPLAY_SEQ)"
        + " VALUES ("
        + id
        + ", 10, "
        + parent
        + ", '"
        + identifier
        + "', "
        + sequence
        + ")";
  }

  static Stream<Arguments> histories() {
    List<List<String>> histories =
        List.of(
            // the product comes back equal to production; one price of its children comes back
            List.of(
                "DELETE FROM CATENTRY WHERE CATENTRY_ID = 1002",
                DRESS_1002.formatted("Evening dress"),
                PRICE_1002),
            // the same, nothing of its children comes back
            List.of(
                "DELETE FROM CATENTRY WHERE CATENTRY_ID = 1002",
                DRESS_1002.formatted("Evening dress")),
            // the product comes back changed, its price equal to production's
            List.of(
                "DELETE FROM CATENTRY WHERE CATENTRY_ID = 1002",
                DRESS_1002.formatted("Evening gown"),
                PRICE_1002,
                "INSERT INTO CATGPENREL (CATGROUP_ID, CATENTRY_ID, DISPLAY_SEQ)"
                    + " VALUES (102, 1002, 2.5)"),
            // the tree root comes back equal, its subtree partly, one category re-parented
            List.of(
                "DELETE FROM CATGROUP WHERE CATGROUP_ID = 100",
                category(100, "NULL", "Apparel", 1),
                category(101, "100", "Women", 1),
                category(102, "100", "Dresses", 2),
                "INSERT INTO CATGPENREL (CATGROUP_ID, CATENTRY_ID, DISPLAY_SEQ)"
                    + " VALUES (102, 1002, 2.5)"),
            // a subcategory moved under the other tree before its old parent goes and comes back
            List.of(
                "UPDATE CATGROUP SET PARENT_ID = 200 WHERE CATGROUP_ID = 102",
                "DELETE FROM CATGROUP WHERE CATGROUP_ID = 101",
                category(101, "100", "Women", 1),
                "UPDATE CATGROUP SET PARENT_ID = 101 WHERE CATGROUP_ID = 102"),
            // the middle of the tree comes back equal, its child equal too
            List.of(
                "DELETE FROM CATGROUP WHERE CATGROUP_ID = 101",
                category(101, "100", "Women", 1),
                category(102, "101", "Dresses", 2)),
            // a category changes key, then its parent goes and comes back with it
            List.of(
                "DELETE FROM CATGPENREL WHERE CATGROUP_ID = 102",
                "UPDATE CATGROUP SET CATGROUP_ID = 150 WHERE CATGROUP_ID = 102",
                "DELETE FROM CATGROUP WHERE CATGROUP_ID = 101",
                category(101, "100", "Women", 1),
                category(150, "101", "Dresses", 2)),
            // the parent goes and comes back with its child, which then changes key
            List.of(
                "DELETE FROM CATGROUP WHERE CATGROUP_ID = 101",
                category(101, "100", "Women", 1),
                category(102, "101", "Dresses", 2),
                "UPDATE CATGROUP SET CATGROUP_ID = 150 WHERE CATGROUP_ID = 102"),
            // a grandchild of the root changes key; the root goes and the tree comes back
            List.of(
                "DELETE FROM CATGPENREL WHERE CATGROUP_ID = 102",
                "UPDATE CATGROUP SET CATGROUP_ID = 150 WHERE CATGROUP_ID = 102",
                "DELETE FROM CATGROUP WHERE CATGROUP_ID = 100",
                category(100, "NULL", "Apparel", 1),
                category(101, "100", "Women", 1),
                category(150, "101", "Dresses", 3)),
            // a category changes key and moves out of the subtree before its old parent goes
            List.of(
                "DELETE FROM CATGPENREL WHERE CATGROUP_ID = 102",
                "UPDATE CATGROUP SET CATGROUP_ID = 150, PARENT_ID = 200 WHERE CATGROUP_ID = 102",
                "DELETE FROM CATGROUP WHERE CATGROUP_ID = 101",
                category(101, "100", "Women", 1)));
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
      session.edit(edits.toArray(String[]::new));

      PropagationResult rerun = session.propagateAndRerunAfterCrash();

      assertThat(rerun.conflicts()).isEmpty();
      if (kind != DatabaseKind.MARIADB) {
        // Only MariaDB replays deletes it cannot tell were applied already.
        assertThat(rerun.inserted() + rerun.updated() + rerun.deleted()).isZero();
      }
    }
  }

  /**
   * Workload seed 22 on MariaDB: staging deletes product 3001 for good, the cascade takes rule 5
   * along unlogged, and rule 5 is inserted again under product 3003. Production's rule 5 goes with
   * 3001: it is no row someone inserted in production meanwhile.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(DatabaseKind.class)
  void aRuleInsertedAgainUnderAnotherProductAfterItsProductWentIsNoConflict(DatabaseKind kind)
      throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.edit(product(3001, "P-1"), rule(session, 5, 3001));
      assertThat(session.propagate(ConflictPolicy.FAIL).refused()).isFalse();
      session.edit(
          product(3003, "P-3"),
          "DELETE FROM CATENTRY WHERE CATENTRY_ID = 3001",
          rule(session, 5, 3003));

      PropagationResult result = session.propagate(ConflictPolicy.FAIL);

      assertThat(result.refused()).as("%s %s", result.message(), result.conflicts()).isFalse();
      assertThat(session.production()).isEqualTo(session.staging());
      assertThat(session.pending()).isZero();
    }
  }

  /**
   * Workload seed 716 on MariaDB: rule 0 hangs from product 1002 in production; staging deletes the
   * product and inserts it again under one change set (the cascade takes rule 0 along, unlogged),
   * and inserts rule 0 again under product 1001 in another. Propagated alone, the second set
   * replaces production's rule 0 instead of reporting an insert over a row someone made in
   * production; the first set then brings the product.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(DatabaseKind.class)
  void aRuleInsertedAgainAfterItsProductCameBackInAnotherSetIsNoConflict(DatabaseKind kind)
      throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.edit(rule(session, 0, 1002));
      assertThat(session.propagate(ConflictPolicy.FAIL).refused()).isFalse();
      session.editIn(
          "products",
          "DELETE FROM CATENTRY WHERE CATENTRY_ID = 1002",
          DRESS_1002.formatted("Evening gown"));
      session.editIn("promotions", rule(session, 0, 1001));

      PropagationResult promotions = session.propagate(List.of("promotions"), false);

      assertThat(promotions.refused())
          .as(
              "%s %s %s",
              promotions.message(), promotions.conflicts(), promotions.missingPrerequisites())
          .isFalse();
      assertThat(session.rows(session.pair.production(), "PromoRule"))
          .isEqualTo(session.rows(session.pair.staging(), "PromoRule"));
      PropagationResult products = session.propagate(List.of("products"), false);
      assertThat(products.refused())
          .as("%s %s", products.message(), products.conflicts())
          .isFalse();
      assertThat(session.production()).isEqualTo(session.staging());
      assertThat(session.pending()).isZero();
    }
  }

  /**
   * Workload seed 787 on MariaDB: production's categories 100 and 101 are each other's parent.
   * Staging deletes 100 (taking 101 along) and inserts it again under a new category 300, outside
   * any change set, while change set summer inserts 101 again. Summer's replace of 101 cascades
   * production's 100 away, which the run would have to write again with changes it did not take:
   * alone the set is refused naming them, with them it goes.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(DatabaseKind.class)
  void aReplaceWhoseCascadeTakesARowOfAnotherSetNeedsThatSet(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.edit("UPDATE CATGROUP SET PARENT_ID = 101 WHERE CATGROUP_ID = 100");
      assertThat(session.propagate(ConflictPolicy.FAIL).refused()).isFalse();
      session.edit("DELETE FROM CATGROUP WHERE CATGROUP_ID = 100");
      session.editIn("summer", category(101, "NULL", "g48", 0));
      session.edit(category(300, "NULL", "g19", 0), category(100, "300", "g61", 0));
      var before = session.production();

      PropagationResult alone = session.propagate(List.of("summer"), false);

      if (alone.refused()) {
        assertThat(alone.conflicts()).isEmpty();
        assertThat(alone.missingPrerequisites()).isNotEmpty();
        assertThat(session.production()).isEqualTo(before);
      }
      PropagationResult summer = session.propagate(List.of("summer"), true);
      assertThat(summer.refused())
          .as("%s %s %s", summer.message(), summer.conflicts(), summer.missingPrerequisites())
          .isFalse();
      assertThat(session.propagate(ConflictPolicy.FAIL).refused()).isFalse();
      assertThat(session.production()).isEqualTo(session.staging());
      assertThat(session.pending()).isZero();
    }
  }

  /**
   * The cutoff twin of {@link #aReplaceWhoseCascadeTakesARowOfAnotherSetNeedsThatSet}: 101 inserted
   * again before the cutoff, 100 created again after it. The replace of 101 would cascade
   * production's 100 away and write it again with its later change, so the replace waits too.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(DatabaseKind.class)
  void beforeHoldsBackAReplaceWhoseCascadeTakesARowThatChangesLater(DatabaseKind kind)
      throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.edit("UPDATE CATGROUP SET PARENT_ID = 101 WHERE CATGROUP_ID = 100");
      assertThat(session.propagate(ConflictPolicy.FAIL).refused()).isFalse();
      session.edit("DELETE FROM CATGROUP WHERE CATGROUP_ID = 100");
      session.edit(category(101, "NULL", "g48", 0));
      Thread.sleep(300);
      java.time.Instant cutoff = java.time.Instant.now();
      Thread.sleep(300);
      session.edit(category(300, "NULL", "g19", 0), category(100, "300", "g61", 0));

      PropagationResult early = session.propagateBefore(cutoff);

      assertThat(early.refused())
          .as("%s %s %s", early.message(), early.conflicts(), early.missingPrerequisites())
          .isFalse();
      assertThat(session.propagate(ConflictPolicy.FAIL).refused()).isFalse();
      assertThat(session.production()).isEqualTo(session.staging());
      assertThat(session.pending()).isZero();
    }
  }

  /**
   * Workload seed 862 on MariaDB: change set summer moves category 102 out from under 101 to the
   * top, and set spring then deletes 100, 101's parent. In staging the cascade takes 101 but no
   * longer 102; in production 102 still hangs from 101, which the log never names (the cascade went
   * unlogged). Alone, spring would cascade 102 away in production: it is refused naming summer's
   * row, and with its prerequisites it goes.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(DatabaseKind.class)
  void aDeleteWhoseCascadeReachesARowMovedAwayInAnotherSetNeedsThatSet(DatabaseKind kind)
      throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.editIn("summer", "UPDATE CATGROUP SET PARENT_ID = NULL WHERE CATGROUP_ID = 102");
      session.editIn("spring", "DELETE FROM CATGROUP WHERE CATGROUP_ID = 100");
      var before = session.production();

      PropagationResult alone = session.propagate(List.of("spring"), false);

      assertThat(alone.refused()).as("%s", alone.message()).isTrue();
      assertThat(alone.conflicts()).isEmpty();
      assertThat(alone.missingPrerequisites())
          .anySatisfy(
              missing -> {
                assertThat(missing.table()).isEqualToIgnoringCase("CATGROUP");
                assertThat(missing.key().values()).anyMatch(v -> v.toString().equals("102"));
                assertThat(missing.changeSet()).isEqualTo("summer");
              });
      assertThat(session.production()).isEqualTo(before);
      PropagationResult spring = session.propagate(List.of("spring"), true);
      assertThat(spring.refused())
          .as("%s %s %s", spring.message(), spring.conflicts(), spring.missingPrerequisites())
          .isFalse();
      assertThat(session.production()).isEqualTo(session.staging());
      assertThat(session.pending()).isZero();
    }
  }

  private static String rule(StagingSession session, int id, int product) {
    return "INSERT INTO "
        + session.q("PromoRule")
        + " ("
        + session.q("RuleId")
        + ", "
        + session.q("CatEntryId")
        + ") VALUES ("
        + id
        + ", "
        + product
        + ")";
  }

  static String product(int id, String partNumber) {
    return "INSERT INTO CATENTRY (CATENTRY_ID, PARTNUMBER, NAME, LAST_UPDATE, GUID) VALUES ("
        + id
        + ", '"
        + partNumber
        + "', 'n', TIMESTAMP '2024-05-01 10:00:00', '11111111-2222-4333-8444-555555551234')";
  }
}
