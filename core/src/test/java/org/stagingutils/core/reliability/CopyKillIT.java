// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagingutils.core.config.StagingConfig;
import org.stagingutils.core.copy.CopyRequest;
import org.stagingutils.core.copy.StagingCopy;
import org.stagingutils.core.propagate.StagingSession;
import org.stagingutils.core.propagate.TransactionMode;
import org.stagingutils.core.testdb.CatalogSchema;
import org.stagingutils.core.testdb.DatabaseKind;
import org.stagingutils.core.testdb.DatabasePair;
import org.stagingutils.core.testdb.TableSnapshot;
import org.stagingutils.core.testdb.TestDatabase;
import org.stagingutils.core.testdb.TestDatabases;

/**
 * stagingcopy killed with SIGKILL while it copies a large production table: staging keeps either
 * its old rows or production's (one staging transaction), and a new copy completes the session:
 * staging equal to production row for row, an empty change log, and capture working.
 */
class CopyKillIT {
  private static final Logger LOG = LoggerFactory.getLogger(CopyKillIT.class);
  private static final int PRODUCTS = 150_000;
  private static final long FIRST = 10_000;
  private static final Duration RUN_LIMIT = Duration.ofSeconds(90);

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = DatabaseKind.class,
      names = {"POSTGRESQL", "MARIADB"})
  @Timeout(150)
  void aNewCopyCompletesWhatAKilledCopyLeft(DatabaseKind kind) throws Exception {
    long seed = Long.getLong("reliability.seed", System.nanoTime());
    Random random = new Random(seed);
    List<String> tables =
        CatalogSchema.STAGED_TABLES.stream()
            .map(t -> t.equals(t.toUpperCase(Locale.ROOT)) ? t : quote(kind, t))
            .toList();
    try (DatabasePair pair = TestDatabases.createPair(kind)) {
      for (TestDatabase db : List.of(pair.production(), pair.staging())) {
        CatalogSchema.create(db);
        CatalogSchema.seed(db);
      }
      BulkEdits.generate(pair.production(), FIRST, PRODUCTS);
      StagingConfig config =
          new StagingConfig(
              StagingSession.settings("staging", pair.staging()),
              StagingSession.settings("production", pair.production()),
              Map.of("all", tables));

      // A first copy killed at once, then at random points of a copy that has 150k rows to load.
      Duration expected = Duration.ofSeconds(4);
      double[] fractions = {0, 0.3 + 0.6 * random.nextDouble(), 0.3 + 0.6 * random.nextDouble()};
      for (int round = 0; round < fractions.length + 1; round++) {
        String context = kind + " copy round " + round + " (seed " + seed + ")";
        if (round > 0) {
          changeProduction(pair.production(), round);
        }
        List<Long> before = fingerprint(pair.staging());
        List<Long> wanted = fingerprint(pair.production());
        boolean lastRound = round == fractions.length;
        long started = System.nanoTime();
        try (EngineProcess child =
            EngineProcess.start("copy", config, TransactionMode.ONE, 1000, tables)) {
          if (lastRound) {
            assertThat(child.awaitLine("rows copied in", RUN_LIMIT)).as(child.output()).isTrue();
          } else {
            Thread.sleep((long) (expected.toMillis() * fractions[round]));
          }
          boolean killed = child.isAlive();
          child.kill();
          LOG.info(
              "{}: {} after {} ms",
              context,
              killed ? "killed" : "already finished",
              (System.nanoTime() - started) / 1_000_000);
        }
        ServerSessions.awaitNone(Duration.ofSeconds(15), pair.staging(), pair.production());
        // One staging transaction: the old rows or production's, nothing in between.
        assertThat(fingerprint(pair.staging())).as(context).isIn(before, wanted);
      }

      long started = System.nanoTime();
      new StagingCopy().copy(new CopyRequest(config, tables, false, false, 1000, Optional.empty()));
      LOG.info(
          "{}: copy after the kills took {} ms", kind, (System.nanoTime() - started) / 1_000_000);

      for (String table : CatalogSchema.stagedTables(kind)) {
        assertThat(TableSnapshot.of(pair.staging(), table))
            .as(table)
            .isEqualTo(TableSnapshot.of(pair.production(), table));
      }
      assertThat(count(pair.staging(), "SELECT COUNT(*) FROM STAGLOG")).isZero();
      pair.staging().execute("UPDATE CATENTRY SET NAME = 'edited' WHERE CATENTRY_ID = " + FIRST);
      assertThat(count(pair.staging(), "SELECT COUNT(*) FROM STAGLOG WHERE STGPROCESSED = 0"))
          .isEqualTo(1);
    }
  }

  /** Work for the next copy: updated, inserted and deleted products. */
  private static void changeProduction(TestDatabase production, int round) throws SQLException {
    long first = FIRST + round * 10_000L;
    production.execute(
        "UPDATE CATENTRY SET NAME = 'round "
            + round
            + "' WHERE CATENTRY_ID BETWEEN "
            + first
            + " AND "
            + (first + 5_000),
        "DELETE FROM CATENTRY WHERE CATENTRY_ID BETWEEN "
            + (first + 5_001)
            + " AND "
            + (first + 5_500));
    new BulkEdits(production).insert(FIRST + PRODUCTS + round * 1_000L, 500);
  }

  /** Row count, key sum and this test's renames of CATENTRY: cheap, and different per round. */
  private static List<Long> fingerprint(TestDatabase database) throws SQLException {
    try (Connection c = database.connection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*), COALESCE(SUM(CATENTRY_ID), 0),"
                    + " SUM(CASE WHEN NAME LIKE 'round %' THEN CATENTRY_ID ELSE 0 END)"
                    + " FROM CATENTRY")) {
      rs.next();
      return List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3));
    }
  }

  private static long count(TestDatabase database, String sql) throws SQLException {
    try (Connection c = database.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String quote(DatabaseKind kind, String identifier) {
    return kind == DatabaseKind.MARIADB ? "`" + identifier + "`" : "\"" + identifier + "\"";
  }
}
