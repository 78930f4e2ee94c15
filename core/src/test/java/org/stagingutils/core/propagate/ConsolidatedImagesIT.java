// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.testdb.DatabaseKind;

/**
 * Rows changed many times, one moved to another key and one deleted at the end: what staging
 * started from at each key is the image of its first pending change, read apart from the log and in
 * batches smaller than the number of keys, so every image batch is crossed.
 */
class ConsolidatedImagesIT {
  private static final String MOVED =
      "CATENTRY_ID = 1001 AND CURRENCY = 'USD' AND START_DATE = DATE '2024-01-01'";
  private static final String MOVED_TO =
      "CATENTRY_ID = 1001 AND CURRENCY = 'USD' AND START_DATE = DATE '2024-02-01'";
  private static final String DELETED =
      "CATENTRY_ID = 1002 AND CURRENCY = 'USD' AND START_DATE = DATE '2024-01-01'";

  private static String[] history() {
    List<String> sql = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      sql.add("UPDATE LISTPRICE SET PRICE = " + i + " WHERE " + MOVED);
      sql.add("UPDATE LISTPRICE SET PRICE = " + (100 + i) + " WHERE " + DELETED);
      sql.add("UPDATE ATTRVAL SET ATTR_VALUE = 'v" + i + "' WHERE CATENTRY_ID = 1001");
      sql.add("UPDATE CATENTRY SET NAME = 'name " + i + "' WHERE CATENTRY_ID = 2001");
    }
    sql.add("UPDATE LISTPRICE SET START_DATE = DATE '2024-02-01' WHERE " + MOVED);
    for (int i = 11; i <= 13; i++) {
      sql.add("UPDATE LISTPRICE SET PRICE = " + i + " WHERE " + MOVED_TO);
    }
    sql.add("DELETE FROM LISTPRICE WHERE " + DELETED);
    return sql.toArray(String[]::new);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void firstImagesMatchAnUntouchedProduction(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.edit(history());

      PropagationResult result = propagate(session, ConflictPolicy.FAIL);

      assertThat(result.conflicts()).isEmpty();
      assertThat(result.refused()).isFalse();
      assertThat(session.production()).isEqualTo(session.staging());
      assertThat(session.pending()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void driftToAnIntermediateImageIsStillDrift(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.edit(history());
      // What staging held between two of its changes is not what it started from.
      session.editProduction("UPDATE LISTPRICE SET PRICE = 5 WHERE " + MOVED);

      PropagationResult result = propagate(session, ConflictPolicy.SKIP);

      assertThat(result.conflicts()).extracting(Conflict::kind).containsExactly(ConflictKind.DRIFT);
      Map<String, List<String>> production = session.production();
      Map<String, List<String>> staging = session.staging();
      production.keySet().removeIf(table -> table.equalsIgnoreCase("LISTPRICE"));
      staging.keySet().removeIf(table -> table.equalsIgnoreCase("LISTPRICE"));
      assertThat(production).isEqualTo(staging);
    }
  }

  /** A batch size of 2 reads the images of four keys in two statements. */
  private static PropagationResult propagate(StagingSession session, ConflictPolicy policy) {
    PropagationRequest base = session.request(policy);
    return new StagingPropagation()
        .propagate(
            new PropagationRequest(
                base.config(),
                base.tables(),
                policy,
                base.transaction(),
                2,
                false,
                Optional.empty(),
                Optional.empty(),
                base.retainDays(),
                List.of(),
                false));
  }
}
