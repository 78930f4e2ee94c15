// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.check.CheckReport;
import org.stagingutils.core.check.CheckRequest;
import org.stagingutils.core.check.StagingCheck;
import org.stagingutils.core.testdb.CatalogSchema;
import org.stagingutils.core.testdb.DatabaseKind;

class ChangeSetPropagationIT {

  private static final String NEW_BRAND_PRODUCT =
      "INSERT INTO CATENTRY (CATENTRY_ID, PARTNUMBER, NAME, LAST_UPDATE, GUID) VALUES"
          + " (3001, 'BRAND-1', 'Brand product', TIMESTAMP '2024-05-01 10:00:00',"
          + " '11111111-2222-4333-8444-555555555551')";
  private static final String OTHER_BRAND_PRODUCT =
      "INSERT INTO CATENTRY (CATENTRY_ID, PARTNUMBER, NAME, LAST_UPDATE, GUID) VALUES"
          + " (3002, 'BRAND-2', 'Other brand product', TIMESTAMP '2024-05-01 10:00:00',"
          + " '11111111-2222-4333-8444-555555555552')";

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aChangeSetPropagatesAloneOnlyWithItsPrerequisites(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      String catentry = kind == DatabaseKind.POSTGRESQL ? "catentry" : "CATENTRY";
      String listprice = kind == DatabaseKind.POSTGRESQL ? "listprice" : "LISTPRICE";
      session.editIn("brand", NEW_BRAND_PRODUCT, OTHER_BRAND_PRODUCT);
      session.editIn(
          "sale",
          "INSERT INTO LISTPRICE (CATENTRY_ID, CURRENCY, START_DATE, PRICE) VALUES"
              + " (3001, 'USD', DATE '2024-06-01', 19.99)",
          "UPDATE CATENTRY SET PRICE = 39.00 WHERE CATENTRY_ID = 1001");
      session.edit("UPDATE STORE SET IDENTIFIER = 'Untagged edit' WHERE STORE_ID = 2");

      PropagationResult alone = session.propagate(List.of("sale"), false);

      assertThat(alone.refused()).isTrue();
      assertThat(alone.missingPrerequisites())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.table()).isEqualTo(catentry);
                assertThat(p.key().values().toString()).isEqualTo("[3001]");
                assertThat(p.changeSet()).isEqualTo("brand");
              });
      assertThat(session.rows(session.pair.production(), listprice)).hasSize(5);

      PropagationResult withPrerequisites = session.propagate(List.of("sale"), true);

      assertThat(withPrerequisites.refused()).as(withPrerequisites.message()).isFalse();
      assertThat(withPrerequisites.inserted()).isEqualTo(2); // the price and product 3001
      assertThat(withPrerequisites.updated()).isEqualTo(1);
      List<String> products = session.rows(session.pair.production(), catentry);
      assertThat(products)
          .anyMatch(r -> r.contains("BRAND-1"))
          .noneMatch(r -> r.contains("BRAND-2"));
      assertThat(session.pending()).isEqualTo(2); // product 3002 and the untagged edit

      PropagationResult brand = session.propagate(List.of("brand"), false);

      assertThat(brand.refused()).isFalse();
      assertThat(brand.inserted()).isEqualTo(1);
      assertThat(session.pending()).isEqualTo(1);
      assertThat(session.rows(session.pair.production(), catentry))
          .isEqualTo(session.rows(session.pair.staging(), catentry));

      PropagationResult everything = session.propagate(ConflictPolicy.FAIL);
      assertThat(everything.updated()).isEqualTo(1);
      assertThat(session.production()).isEqualTo(session.staging());
      assertThat(session.pending()).isZero();
    }
  }

  /**
   * {@code --before} with a change set: the set's rows last changed before the cutoff go; its later
   * row, the earlier row of another set and the untagged edit wait for later runs.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aChangeSetBeforeACutoffTakesOnlyItsEarlierRows(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      String catentry = kind == DatabaseKind.POSTGRESQL ? "catentry" : "CATENTRY";
      session.editIn("brand", NEW_BRAND_PRODUCT);
      session.editIn("sale", "UPDATE CATENTRY SET PRICE = 39.00 WHERE CATENTRY_ID = 1001");
      session.edit("UPDATE STORE SET IDENTIFIER = 'Untagged edit' WHERE STORE_ID = 2");
      Thread.sleep(300);
      java.time.Instant cutoff = java.time.Instant.now();
      Thread.sleep(300);
      session.editIn("brand", OTHER_BRAND_PRODUCT);

      PropagationResult early = session.propagateBefore(cutoff, List.of("brand"));

      assertThat(early.refused())
          .as("%s %s %s", early.message(), early.conflicts(), early.missingPrerequisites())
          .isFalse();
      assertThat(early.inserted()).isEqualTo(1);
      assertThat(early.updated()).isZero();
      assertThat(session.rows(session.pair.production(), catentry))
          .anyMatch(r -> r.contains("BRAND-1"))
          .noneMatch(r -> r.contains("BRAND-2"));
      assertThat(session.pending()).isEqualTo(3);

      assertThat(session.propagate(ConflictPolicy.FAIL).refused()).isFalse();
      assertThat(session.production()).isEqualTo(session.staging());
      assertThat(session.pending()).isZero();
    }
  }

  /**
   * CATALOG references STORE without a cascade: deleting store 2 in one set needs the other set's
   * change that moves catalog 20, the row production still has pointing at store 2, to another
   * store.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aDeleteOfARowStillReferencedThroughAnotherSetsChangeIsRefusedAndNamesIt(DatabaseKind kind)
      throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      String catalog = kind == DatabaseKind.POSTGRESQL ? "catalog" : "CATALOG";
      session.editIn("merge-outlet", "UPDATE CATALOG SET STORE_ID = 1 WHERE CATALOG_ID = 20");
      session.editIn("close-outlet", "DELETE FROM STORE WHERE STORE_ID = 2");
      session.edit("UPDATE CATENTRY SET NAME = 'untagged' WHERE CATENTRY_ID = 2001");
      var before = session.production();

      PropagationResult alone = session.propagate(List.of("close-outlet"), false);

      assertThat(alone.refused()).isTrue();
      assertThat(alone.missingPrerequisites())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.table()).isEqualTo(catalog);
                assertThat(p.key().values().toString()).isEqualTo("[20]");
                assertThat(p.changeSet()).isEqualTo("merge-outlet");
                assertThat(p.reason()).contains("still references", "2", "close-outlet");
              });
      assertThat(org.stagingutils.core.cli.PropagationSummary.of(alone).text())
          .contains(
              catalog
                  + (kind == DatabaseKind.POSTGRESQL ? " catalog_id" : " CATALOG_ID")
                  + "=20, in change set merge-outlet: still references");
      assertThat(session.production()).isEqualTo(before);
      assertThat(session.pending()).isEqualTo(3);

      PropagationResult withPrerequisites = session.propagate(List.of("close-outlet"), true);

      assertThat(withPrerequisites.refused()).as(withPrerequisites.message()).isFalse();
      assertThat(withPrerequisites.updated()).isEqualTo(1);
      assertThat(withPrerequisites.deleted()).isEqualTo(1);
      assertThat(session.pending()).isEqualTo(1); // the untagged edit
      session.propagate(ConflictPolicy.FAIL);
      assertThat(session.production()).isEqualTo(session.staging());
    }
  }

  /**
   * A category can get a new key in staging only once nothing points at it: its placements, deleted
   * under another change set, are a prerequisite of the key change, whose move production's foreign
   * key would refuse while they are there.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aKeyChangeNeedsTheSetThatRemovedWhatPointedAtTheRow(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.editIn("clear-placements", "DELETE FROM CATGPENREL WHERE CATGROUP_ID = 102");
      session.editIn("renumber", "UPDATE CATGROUP SET CATGROUP_ID = 150 WHERE CATGROUP_ID = 102");
      var before = session.production();

      PropagationResult alone = session.propagate(List.of("renumber"), false);

      assertThat(alone.refused()).as(alone.message()).isTrue();
      assertThat(alone.missingPrerequisites())
          .isNotEmpty()
          .allSatisfy(
              p -> {
                assertThat(p.changeSet()).isEqualTo("clear-placements");
                assertThat(p.reason()).contains("which change set renumber gives a new key");
              });
      assertThat(session.production()).isEqualTo(before);
      assertThat(session.pending()).isEqualTo(3);

      PropagationResult withPrerequisites = session.propagate(List.of("renumber"), true);

      assertThat(withPrerequisites.refused()).as(withPrerequisites.message()).isFalse();
      assertThat(session.production()).isEqualTo(session.staging());
      assertThat(session.pending()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aRowEditedUnderTwoChangeSetsBelongsToTheLastOne(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.editIn("first", "UPDATE CATENTRY SET NAME = 'first' WHERE CATENTRY_ID = 2001");
      session.editIn("second", "UPDATE CATENTRY SET PRICE = 5.00 WHERE CATENTRY_ID = 2001");

      PropagationResult first = session.propagate(List.of("first"), false);
      assertThat(first.updated()).isZero();

      PropagationResult second = session.propagate(List.of("second"), false);
      assertThat(second.updated()).isEqualTo(1);
      assertThat(session.production()).isEqualTo(session.staging());
      assertThat(session.pending()).isZero();
    }
  }

  /**
   * Set A renames product 1001's part number away; set B gives that part number to product 1002. B
   * alone would collide with production's 1001 on the unique index: it needs A's rename first.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aChangeSetTakingAUniqueValueAnotherSetFreesNeedsThatSet(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.editIn(
          "rename", "UPDATE CATENTRY SET PARTNUMBER = 'AUR-DRS-001-OLD' WHERE CATENTRY_ID = 1001");
      session.editIn(
          "reuse", "UPDATE CATENTRY SET PARTNUMBER = 'AUR-DRS-001' WHERE CATENTRY_ID = 1002");
      session.edit("UPDATE STORE SET IDENTIFIER = 'Untagged edit' WHERE STORE_ID = 2");
      var before = session.production();

      PropagationResult alone = session.propagate(List.of("reuse"), false);

      assertThat(alone.refused()).isTrue();
      assertThat(alone.missingPrerequisites())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.table()).isEqualTo(name(kind, "CATENTRY"));
                assertThat(p.key().values().toString()).isEqualTo("[1001]");
                assertThat(p.changeSet()).isEqualTo("rename");
                assertThat(p.reason())
                    .contains("frees unique value", "AUR-DRS-001", "of index", "1002");
              });
      assertThat(session.production()).isEqualTo(before);
      assertThat(session.pending()).isEqualTo(3);
      CheckReport check =
          new StagingCheck()
              .check(
                  new CheckRequest(session.config(), session.tables, Set.of(), List.of("reuse")));
      assertThat(check.clean()).isFalse();
      assertThat(check.prerequisites())
          .singleElement()
          .satisfies(p -> assertThat(p.changeSet()).isEqualTo("rename"));
      assertThat(check.problems())
          .anySatisfy(p -> assertThat(p.message()).contains("rename", "frees unique value"));

      PropagationResult withPrerequisites = session.propagate(List.of("reuse"), true);

      assertThat(withPrerequisites.refused()).as(withPrerequisites.message()).isFalse();
      assertThat(withPrerequisites.updated()).isEqualTo(2);
      assertThat(session.rows(session.pair.production(), name(kind, "CATENTRY")))
          .isEqualTo(session.rows(session.pair.staging(), name(kind, "CATENTRY")));
      assertThat(session.pending()).isEqualTo(1); // the untagged edit
      session.propagate(ConflictPolicy.FAIL);
      assertThat(session.production()).isEqualTo(session.staging());
    }
  }

  /** Products 1001 and 1002 swap part numbers, each half in its own set: neither goes alone. */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aSwapOfUniqueValuesAcrossTwoSetsNeedsBoth(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.editIn(
          "first", "UPDATE CATENTRY SET PARTNUMBER = 'SWAP-TMP' WHERE CATENTRY_ID = 1001");
      session.editIn(
          "second", "UPDATE CATENTRY SET PARTNUMBER = 'AUR-DRS-001' WHERE CATENTRY_ID = 1002");
      session.editIn(
          "first", "UPDATE CATENTRY SET PARTNUMBER = 'AUR-DRS-002' WHERE CATENTRY_ID = 1001");
      var before = session.production();

      for (String set : List.of("first", "second")) {
        PropagationResult alone = session.propagate(List.of(set), false);
        assertThat(alone.refused()).as(set).isTrue();
        assertThat(alone.missingPrerequisites())
            .singleElement()
            .satisfies(
                p -> {
                  assertThat(p.changeSet()).isNotEqualTo(set);
                  assertThat(p.reason()).contains("frees unique value");
                });
        assertThat(session.production()).isEqualTo(before);
      }

      PropagationResult both = session.propagate(List.of("second"), true);

      assertThat(both.refused()).as(both.message()).isFalse();
      assertThat(both.updated()).isEqualTo(2);
      assertThat(session.production()).isEqualTo(session.staging());
      assertThat(session.pending()).isZero();
    }
  }

  /**
   * Set A deletes a product; set B inserts another with its part number: B needs the delete, which
   * production must run before B's insert.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aChangeSetTakingAUniqueValueADeleteFreesNeedsTheDelete(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.edit(NEW_BRAND_PRODUCT);
      session.propagate(ConflictPolicy.FAIL);
      session.editIn("retire", "DELETE FROM CATENTRY WHERE CATENTRY_ID = 3001");
      session.editIn(
          "relaunch",
          NEW_BRAND_PRODUCT.replace("3001", "3002").replace("555555555551", "555555555552"));
      var before = session.production();

      PropagationResult alone = session.propagate(List.of("relaunch"), false);

      assertThat(alone.refused()).isTrue();
      assertThat(alone.missingPrerequisites())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.key().values().toString()).isEqualTo("[3001]");
                assertThat(p.changeSet()).isEqualTo("retire");
                assertThat(p.reason()).contains("frees unique value", "BRAND-1");
              });
      assertThat(session.production()).isEqualTo(before);

      PropagationResult withPrerequisites = session.propagate(List.of("relaunch"), true);

      assertThat(withPrerequisites.refused()).as(withPrerequisites.message()).isFalse();
      assertThat(withPrerequisites.inserted()).isEqualTo(1);
      assertThat(withPrerequisites.deleted()).isEqualTo(1);
      assertThat(session.production()).isEqualTo(session.staging());
      assertThat(session.pending()).isZero();
    }
  }

  /**
   * One set moves a product's promotion elsewhere and deletes its other children; another deletes
   * the product and gives its part number to a new one. Planning every pending row deletes the
   * product early (its part number is taken), so its production children count as gone and the
   * promotion is inserted again. The first set alone leaves the product in place: its tables, taken
   * whole, must be planned again (an update, and deletes), not keep that first plan.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void childrenTakenWholeArePlannedAgainWhenTheirParentsReplaceWaits(DatabaseKind kind)
      throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      String promo = session.q("PromoRule");
      session.edit(
          "INSERT INTO "
              + promo
              + " ("
              + session.q("RuleId")
              + ", "
              + session.q("CatEntryId")
              + ") VALUES (3, 1002)");
      session.propagate(ConflictPolicy.FAIL);
      session.editIn(
          "tidy",
          "UPDATE "
              + promo
              + " SET "
              + session.q("CatEntryId")
              + " = 2001 WHERE "
              + session.q("RuleId")
              + " = 3",
          "DELETE FROM CATGPENREL WHERE CATENTRY_ID = 1002",
          "DELETE FROM LISTPRICE WHERE CATENTRY_ID = 1002",
          "DELETE FROM ATTRVAL WHERE CATENTRY_ID = 1002");
      session.editIn(
          "renumber",
          "DELETE FROM CATENTRY WHERE CATENTRY_ID = 1002",
          "INSERT INTO CATENTRY (CATENTRY_ID, PARTNUMBER, NAME, LAST_UPDATE, GUID) VALUES"
              + " (3003, 'AUR-DRS-002', 'Evening dress', TIMESTAMP '2024-05-01 10:00:00',"
              + " '11111111-2222-4333-8444-555555555553')");

      PropagationResult tidy = session.propagate(List.of("tidy"), false);

      assertThat(tidy.refused()).as(tidy.message()).isFalse();
      assertThat(tidy.updated()).isEqualTo(1);
      assertThat(tidy.deleted()).isEqualTo(3);
      assertThat(tidy.inserted()).isZero();
      for (String table : List.of("PromoRule", "CATGPENREL", "LISTPRICE", "ATTRVAL")) {
        String stored = CatalogSchema.storedName(kind, table);
        assertThat(session.rows(session.pair.production(), stored))
            .as(table)
            .isEqualTo(session.rows(session.pair.staging(), stored));
      }
      assertThat(session.rows(session.pair.production(), name(kind, "CATENTRY")))
          .anyMatch(r -> r.contains("1002"))
          .noneMatch(r -> r.contains("3003"));
      assertThat(session.pending()).isEqualTo(2);

      session.propagate(ConflictPolicy.FAIL);
      assertThat(session.production()).isEqualTo(session.staging());
      assertThat(session.pending()).isZero();
    }
  }

  private static String name(DatabaseKind kind, String unquoted) {
    return CatalogSchema.storedName(kind, unquoted);
  }
}
