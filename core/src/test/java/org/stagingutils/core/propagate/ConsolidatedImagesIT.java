// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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

  /**
   * {@code --before} goes by each row's last change, whose time is read apart from the log: a row
   * changed ten times before the cutoff goes, one changed ten times before it and once after waits
   * whole, and so does a row deleted after the cutoff; a row updated and deleted before it goes.
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void beforeGoesByEachRowsLastChange(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      Map<String, List<String>> original = session.production();
      List<String> early = new ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        early.add("UPDATE CATENTRY SET NAME = 'early " + i + "' WHERE CATENTRY_ID = 2001");
        early.add("UPDATE CATENTRY SET NAME = 'waits " + i + "' WHERE CATENTRY_ID = 1001");
        early.add("UPDATE LISTPRICE SET PRICE = " + i + " WHERE " + MOVED);
        early.add("UPDATE LISTPRICE SET PRICE = " + (100 + i) + " WHERE " + DELETED);
      }
      early.add("DELETE FROM LISTPRICE WHERE " + MOVED);
      session.edit(early.toArray(String[]::new));
      Map<String, List<String>> atCutoff = session.staging();
      Thread.sleep(300);
      Instant cutoff = Instant.now();
      Thread.sleep(300);
      session.edit(
          "UPDATE CATENTRY SET NAME = 'late' WHERE CATENTRY_ID = 1001",
          "DELETE FROM LISTPRICE WHERE " + DELETED);

      PropagationResult result = propagate(session, ConflictPolicy.FAIL, Optional.of(cutoff));

      assertThat(result.refused()).as(result.message()).isFalse();
      Map<String, List<String>> expected = new java.util.TreeMap<>(atCutoff);
      expected.replaceAll(
          (table, rows) ->
              switch (table.toUpperCase(java.util.Locale.ROOT)) {
                case "CATENTRY" -> keepOriginal(rows, original.get(table), 1001);
                case "LISTPRICE" -> keepOriginal(rows, original.get(table), 1002);
                default -> rows;
              });
      assertThat(new java.util.TreeMap<>(session.production())).isEqualTo(expected);
      assertThat(session.pending()).isEqualTo(22);

      session.propagate(ConflictPolicy.FAIL);
      assertThat(session.production()).isEqualTo(session.staging());
      assertThat(session.pending()).isZero();
    }
  }

  /** {@code rows} with the rows of product {@code id} (its first column) as {@code original}. */
  private static List<String> keepOriginal(List<String> rows, List<String> original, long id) {
    java.util.function.Predicate<String> ofProduct =
        row -> row.toUpperCase(java.util.Locale.ROOT).startsWith("CATENTRY_ID=" + id + ";");
    List<String> kept = new ArrayList<>(rows.stream().filter(ofProduct.negate()).toList());
    kept.addAll(original.stream().filter(ofProduct).toList());
    kept.sort(String::compareTo);
    return kept;
  }

  /** A batch size of 2 reads the images of four keys in two statements. */
  private static PropagationResult propagate(StagingSession session, ConflictPolicy policy) {
    return propagate(session, policy, Optional.empty());
  }

  private static PropagationResult propagate(
      StagingSession session, ConflictPolicy policy, Optional<Instant> before) {
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
                before,
                base.retainDays(),
                List.of(),
                false));
  }
}
