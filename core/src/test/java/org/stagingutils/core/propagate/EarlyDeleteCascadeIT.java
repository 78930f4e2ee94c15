// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.testdb.DatabaseKind;

/**
 * A product deleted in staging frees its part number for a new product, so production deletes it
 * before the upserts: its ON DELETE CASCADE children go with it there, including those that staging
 * moved to another product first. Those must be written again after the early delete, not updated
 * in place where nothing is left.
 */
class EarlyDeleteCascadeIT {

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void childrenMovedAwayFromARowDeletedEarlySurvive(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      String promo = session.q("PromoRule");
      String rule = session.q("RuleId");
      String product = session.q("CatEntryId");
      session.edit(
          "INSERT INTO " + promo + " (" + rule + ", " + product + ") VALUES (3, 1002)",
          "INSERT INTO " + promo + " (" + rule + ", " + product + ") VALUES (4, 1002)");
      assertThat(session.propagate(ConflictPolicy.FAIL).refused()).isFalse();
      session.edit(
          // a rule moved to another product (its foreign key is no part of its key)
          "UPDATE " + promo + " SET " + product + " = 2001 WHERE " + rule + " = 3",
          // a rule moved and edited on
          "UPDATE " + promo + " SET " + product + " = 1001 WHERE " + rule + " = 4",
          "UPDATE " + promo + " SET " + session.q("Priority") + " = 7 WHERE " + rule + " = 4",
          // children whose key holds the foreign key: key moves
          "UPDATE ATTRVAL SET CATENTRY_ID = 2001 WHERE CATENTRY_ID = 1002",
          "UPDATE LISTPRICE SET CATENTRY_ID = 2001, START_DATE = DATE '2024-02-01'"
              + " WHERE CATENTRY_ID = 1002",
          "UPDATE CATGPENREL SET CATGROUP_ID = 101 WHERE CATENTRY_ID = 1002",
          "DELETE FROM CATENTRY WHERE CATENTRY_ID = 1002",
          // takes the part number 1002 frees: production deletes 1002 before writing it
          "INSERT INTO CATENTRY (CATENTRY_ID, PARTNUMBER, NAME, LAST_UPDATE, GUID) VALUES"
              + " (3001, 'AUR-DRS-002', 'Successor', TIMESTAMP '2024-05-01 10:00:00',"
              + " '11111111-2222-4333-8444-555555555555')");

      // --on-conflict fail: a conflict would refuse the run
      session.propagateAndRerunAfterCrash();
    }
  }
}
