// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.api.ErrorCategory;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.config.StagingConfig;
import org.stagingutils.core.copy.CopyRequest;
import org.stagingutils.core.copy.StagingCopy;
import org.stagingutils.core.propagate.StagingPropagation;
import org.stagingutils.core.propagate.StagingSession;
import org.stagingutils.core.propagate.TransactionMode;
import org.stagingutils.core.testdb.CatalogSchema;
import org.stagingutils.core.testdb.DatabaseKind;
import org.stagingutils.core.testdb.DatabasePair;
import org.stagingutils.core.testdb.TableSnapshot;
import org.stagingutils.core.testdb.TestDatabase;
import org.stagingutils.core.testdb.TestDatabases;

/**
 * The control-schema migration interrupted halfway on databases whose DDL commits statement by
 * statement (MariaDB, H2): what a kill -9 during the first stagingcopy or stagingprop leaves (some
 * control tables, a Flyway history holding only its baseline), and what a statement failing halfway
 * leaves (a history row marking the migration failed). Reproduced deterministically by running part
 * of the script by hand; the next run must complete the session as if nothing happened.
 */
class InterruptedMigrationIT {
  private static final Pattern STATEMENT_END = Pattern.compile(";\\s*$", Pattern.MULTILINE);
  private static final Pattern COMMENT_LINE = Pattern.compile("(?m)^\\s*--.*$");
  private static final String HISTORY = "STAGING_SCHEMA_HISTORY";

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = DatabaseKind.class,
      names = {"MARIADB", "H2"})
  @Timeout(120)
  void aRunCompletesWhatAKilledMigrationLeft(DatabaseKind kind) throws Exception {
    List<String> staging = script(kind, "staging", "V1__staging_control_tables.sql");
    List<String> production = script(kind, "production", "V1__propagation_journal.sql");
    // Killed after the first statement, in the middle, and before the very last one.
    for (int done : new int[] {1, staging.size() / 2, staging.size() - 1}) {
      try (DatabasePair pair = catalogPair(kind)) {
        String context = kind + ": killed after " + done + " of " + staging.size() + " statements";
        baseline(pair.staging());
        pair.staging().execute(staging.subList(0, done).toArray(String[]::new));
        baseline(pair.production());
        pair.production().execute(production.subList(0, 1).toArray(String[]::new));

        new StagingCopy().copy(copyRequest(config(kind, pair)));
        assertStagingEqualsProduction(kind, pair, context);
        assertPropagates(kind, pair, context);
      }
    }
  }

  /**
   * The upgrade to control schema 3 (STAGLOG becomes a view, processed flags become ranges) killed
   * after every one of its statements: the next run completes it, and the log rows keep their
   * processed flags, here rows of a table outside the session that no run touches.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = DatabaseKind.class,
      names = {"MARIADB", "H2"})
  @Timeout(300)
  void aRunCompletesWhatAKilledUpgradeLeft(DatabaseKind kind) throws Exception {
    List<String> upgrade = script(kind, "staging", "V3__processed_ranges.sql");
    for (int done = 1; done < upgrade.size(); done++) {
      try (DatabasePair pair = catalogPair(kind)) {
        String context = kind + ": killed after " + done + " of " + upgrade.size() + " statements";
        migrateToVersion2(kind, pair.staging());
        for (int id = 1; id <= 5; id++) {
          pair.staging()
              .execute(
                  "INSERT INTO STAGLOG (STGTABLE, STGOP, STGPROCESSED) VALUES ('OTHER', 'I', "
                      + (id == 3 || id == 5 ? 0 : 1)
                      + ")");
        }
        pair.staging().execute(upgrade.subList(0, done).toArray(String[]::new));

        new StagingCopy().copy(copyRequest(config(kind, pair)));
        assertStagingEqualsProduction(kind, pair, context);
        assertPropagates(kind, pair, context);
        assertThat(
                count(
                    pair.staging(),
                    "SELECT COUNT(*) FROM STAGLOG WHERE STGTABLE = 'OTHER' AND STGPROCESSED = 0"))
            .as(context)
            .isEqualTo(2);
        assertThat(count(pair.staging(), "SELECT COUNT(*) FROM STAGLOG WHERE STGTABLE = 'OTHER'"))
            .as(context)
            .isEqualTo(5);
      }
    }
  }

  private static void migrateToVersion2(DatabaseKind kind, TestDatabase database) {
    Flyway.configure()
        .dataSource(database.url(), database.user(), database.password())
        .locations(
            "classpath:org/stagingutils/schema/staging/"
                + (kind == DatabaseKind.MARIADB ? "mariadb" : "h2"))
        .table(HISTORY)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .target("2")
        .load()
        .migrate();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = DatabaseKind.class,
      names = {"MARIADB", "H2"})
  @Timeout(60)
  void aRunRepeatsAMigrationThatFailedHalfwayOnceTheCauseIsGone(DatabaseKind kind)
      throws Exception {
    try (DatabasePair pair = catalogPair(kind)) {
      // A table of that name without the expected column: the script fails after its CREATEs.
      pair.staging().execute("CREATE TABLE STAGLOCK (other_column integer)");
      StagingException failed =
          catchThrowableOfType(
              () -> new StagingCopy().copy(copyRequest(config(kind, pair))),
              StagingException.class);
      assertThat(failed).isNotNull();
      assertThat(failed.category()).isEqualTo(ErrorCategory.DATABASE);
      assertThat(failed.getMessage()).contains("cannot install the staging control tables");
      assertThat(failed.getMessage()).doesNotContain("\n");

      pair.staging().execute("DROP TABLE STAGLOCK");
      new StagingCopy().copy(copyRequest(config(kind, pair)));
      assertStagingEqualsProduction(kind, pair, kind + " after the failed migration");
      assertPropagates(kind, pair, kind + " after the failed migration");
    }
  }

  /** A history written by an earlier version, whose V1 was since made re-runnable. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(DatabaseKind.class)
  @Timeout(60)
  void aMigrationRewrittenByANewerVersionIsRealigned(DatabaseKind kind) throws Exception {
    try (DatabasePair pair = catalogPair(kind)) {
      new StagingCopy().copy(copyRequest(config(kind, pair)));
      pair.staging()
          .execute(
              switch (kind) {
                case POSTGRESQL ->
                    "UPDATE staging_schema_history SET checksum = 42 WHERE version = '1'";
                case MARIADB ->
                    "UPDATE STAGING_SCHEMA_HISTORY SET `checksum` = 42 WHERE `version` = '1'";
                case H2 ->
                    "UPDATE STAGING_SCHEMA_HISTORY SET \"checksum\" = 42 WHERE \"version\" = '1'";
              });
      new StagingCopy().copy(copyRequest(config(kind, pair)));
      assertStagingEqualsProduction(kind, pair, kind + " after realigning");
      assertPropagates(kind, pair, kind + " after realigning");
    }
  }

  private static DatabasePair catalogPair(DatabaseKind kind) throws SQLException {
    DatabasePair pair = TestDatabases.createPair(kind);
    for (TestDatabase db : List.of(pair.production(), pair.staging())) {
      CatalogSchema.create(db);
      CatalogSchema.seed(db);
    }
    pair.production().execute("UPDATE CATENTRY SET NAME = 'from production'");
    return pair;
  }

  /** What Flyway writes first: its history table with the baseline row our runs ask for. */
  private static void baseline(TestDatabase database) {
    Flyway.configure()
        .dataSource(database.url(), database.user(), database.password())
        .table(HISTORY)
        .baselineVersion("0")
        .load()
        .baseline();
  }

  private static StagingConfig config(DatabaseKind kind, DatabasePair pair) {
    return new StagingConfig(
        StagingSession.settings("staging", pair.staging()),
        StagingSession.settings("production", pair.production()),
        Map.of("all", tables(kind)));
  }

  private static List<String> tables(DatabaseKind kind) {
    return CatalogSchema.STAGED_TABLES.stream()
        .map(t -> t.equals(t.toUpperCase(Locale.ROOT)) ? t : quote(kind, t))
        .toList();
  }

  private static CopyRequest copyRequest(StagingConfig config) {
    return new CopyRequest(config, config.scopes().get("all"), false, false, 100, Optional.empty());
  }

  private static void assertStagingEqualsProduction(
      DatabaseKind kind, DatabasePair pair, String context) throws SQLException {
    for (String table : CatalogSchema.stagedTables(kind)) {
      assertThat(TableSnapshot.of(pair.staging(), table))
          .as("%s: %s", context, table)
          .isEqualTo(TableSnapshot.of(pair.production(), table));
    }
  }

  /** Capture works, and stagingprop (migrating production's leftovers) propagates the edit. */
  private static void assertPropagates(DatabaseKind kind, DatabasePair pair, String context)
      throws SQLException {
    pair.staging().execute("UPDATE CATENTRY SET NAME = 'edited in staging'");
    assertThat(count(pair.staging(), "SELECT COUNT(*) FROM STAGLOG WHERE STGPROCESSED = 0"))
        .as(context)
        .isPositive();
    StagingConfig config = config(kind, pair);
    var result =
        new StagingPropagation()
            .propagate(
                new org.stagingutils.core.propagate.PropagationRequest(
                    config,
                    config.scopes().get("all"),
                    org.stagingutils.core.propagate.ConflictPolicy.FAIL,
                    TransactionMode.ONE,
                    100,
                    false,
                    Optional.empty(),
                    Optional.empty(),
                    30,
                    List.of(),
                    false));
    assertThat(result.refused()).as("%s: %s", context, result.message()).isFalse();
    assertStagingEqualsProduction(kind, pair, context + ", after stagingprop");
    assertThat(count(pair.staging(), "SELECT COUNT(*) FROM STAGLOCK")).isEqualTo(1);
  }

  private static long count(TestDatabase database, String sql) throws SQLException {
    try (Connection c = database.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The statements of one of the suite's migrations, as Flyway would run them. */
  private static List<String> script(DatabaseKind kind, String side, String file) {
    String folder = kind == DatabaseKind.MARIADB ? "mariadb" : "h2";
    String resource = "org/stagingutils/schema/" + side + "/" + folder + "/" + file;
    try (InputStream in =
        InterruptedMigrationIT.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      String text =
          COMMENT_LINE
              .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8))
              .replaceAll("");
      return Arrays.stream(STATEMENT_END.split(text))
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quote(DatabaseKind kind, String identifier) {
    return kind == DatabaseKind.MARIADB ? "`" + identifier + "`" : "\"" + identifier + "\"";
  }
}
