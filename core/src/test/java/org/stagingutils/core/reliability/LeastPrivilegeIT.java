// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.api.ErrorCategory;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.check.CheckRequest;
import org.stagingutils.core.check.StagingCheck;
import org.stagingutils.core.config.ConnectionSettings;
import org.stagingutils.core.config.StagingConfig;
import org.stagingutils.core.copy.CopyRequest;
import org.stagingutils.core.copy.StagingCopy;
import org.stagingutils.core.propagate.ConflictPolicy;
import org.stagingutils.core.propagate.PropagationRequest;
import org.stagingutils.core.propagate.PropagationResult;
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
 * The grants of docs/operations.md, given to one database user per utility and side: each utility
 * works with exactly those (two staging sessions, a check and propagations), and a production user
 * missing one privilege is refused before anything is written, with one line naming the privilege.
 */
class LeastPrivilegeIT {

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = DatabaseKind.class,
      names = {"POSTGRESQL", "MARIADB"})
  @Timeout(120)
  void eachUtilityWorksWithTheDocumentedGrantsAndNamesAMissingOne(DatabaseKind kind)
      throws Exception {
    String prefix = "lp" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    try (TestDatabase server = TestDatabases.create(kind)) {
      DatabaseUsers users = new DatabaseUsers(kind, prefix, server);
      try {
        run(kind, users);
      } finally {
        users.drop();
      }
    }
  }

  private static void run(DatabaseKind kind, DatabaseUsers users) throws Exception {
    try (DatabasePair pair = TestDatabases.createPair(kind)) {
      for (TestDatabase db : List.of(pair.production(), pair.staging())) {
        CatalogSchema.create(db);
        CatalogSchema.seed(db);
      }
      pair.production().execute("UPDATE CATENTRY SET NAME = 'from production'");
      users.create(pair);
      List<String> tables = tables(kind);

      StagingConfig copier = config(pair, users, "stager", "copier", tables);
      new StagingCopy().copy(copy(copier));
      assertEqual(kind, pair, "after the first stagingcopy");
      users.stagingGrantsAfterTheFirstCopy.run();
      pair.staging().execute("UPDATE CATENTRY SET NAME = 'edited' WHERE CATENTRY_ID = 1001");
      // A new session replaces the capture triggers: a second copy must work as well.
      new StagingCopy().copy(new CopyRequest(copier, tables, false, true, 100, Optional.empty()));
      assertEqual(kind, pair, "after the second stagingcopy");

      pair.staging().execute("UPDATE CATENTRY SET NAME = 'edited' WHERE CATENTRY_ID = 1001");
      var report =
          new StagingCheck()
              .check(
                  new CheckRequest(
                      config(pair, users, "checker", "copier", tables),
                      tables,
                      Set.of(),
                      List.of()));
      assertThat(report.clean()).as("%s", report).isTrue();

      StagingConfig propagator = config(pair, users, "propagator", "propagator", tables);
      PropagationResult result = new StagingPropagation().propagate(propagate(propagator));
      assertThat(result.refused()).as(result.message()).isFalse();
      assertEqual(kind, pair, "after stagingprop");

      // A parent first in the run's order: without the check, --transaction table would commit it.
      pair.staging()
          .execute(
              "UPDATE CATENTRY SET NAME = 'edited again' WHERE CATENTRY_ID = 2001",
              "DELETE FROM LISTPRICE WHERE CATENTRY_ID = 1001");
      String listprice = CatalogSchema.storedName(kind, "LISTPRICE");
      pair.production().execute(users.revokeDelete(pair.production(), listprice));
      Map<String, TableSnapshot> before = snapshot(kind, pair.production());
      StagingException refused =
          catchThrowableOfType(
              () -> new StagingPropagation().propagate(propagate(propagator)),
              StagingException.class);
      assertThat(refused).as("a run without DELETE on %s", listprice).isNotNull();
      assertThat(refused.category())
          .as(refused.getMessage())
          .isEqualTo(ErrorCategory.CONFIGURATION);
      assertThat(refused.getMessage())
          .contains("DELETE privilege", listprice, users.name("propagator"))
          .doesNotContain("\n");
      assertThat(snapshot(kind, pair.production())).isEqualTo(before);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = DatabaseKind.class,
      names = {"H2"})
  @Timeout(60)
  void anH2ProductionUserWithoutAPrivilegeIsRefusedBeforeWriting(DatabaseKind kind)
      throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      Reliability.propagate(session, TransactionMode.ONE); // the journal tables, as admin
      List<String> grants = new ArrayList<>();
      grants.add("CREATE USER PROPAGATOR PASSWORD 'pw'");
      for (String table : CatalogSchema.stagedTables(kind)) {
        String privileges =
            table.equals("LISTPRICE") ? "SELECT, INSERT, UPDATE" : "SELECT, INSERT, UPDATE, DELETE";
        grants.add("GRANT " + privileges + " ON PUBLIC.\"" + table + "\" TO PROPAGATOR");
      }
      grants.add("GRANT SELECT, INSERT ON PUBLIC.STAGPROP_JOURNAL TO PROPAGATOR");
      grants.add("GRANT SELECT, INSERT ON PUBLIC.STAGPROP_JOURNAL_TABLE TO PROPAGATOR");
      grants.add("GRANT SELECT ON PUBLIC.STAGING_SCHEMA_HISTORY TO PROPAGATOR");
      session.editProduction(grants.toArray(String[]::new));
      session.edit(
          "UPDATE CATENTRY SET NAME = 'edited again' WHERE CATENTRY_ID = 2001",
          "DELETE FROM LISTPRICE WHERE CATENTRY_ID = 1001");
      Map<String, List<String>> before = session.production();
      StagingConfig config =
          new StagingConfig(
              session.config().staging(),
              new ConnectionSettings(
                  "production",
                  // Only an admin may give database settings such as DB_CLOSE_DELAY in the URL.
                  session.pair.production().url().replace(";DB_CLOSE_DELAY=-1", ""),
                  "PROPAGATOR",
                  "pw",
                  Optional.empty()),
              Map.of("all", session.tables));

      StagingException refused =
          catchThrowableOfType(
              () -> new StagingPropagation().propagate(propagate(config)), StagingException.class);
      assertThat(refused).isNotNull();
      assertThat(refused.category())
          .as(refused.getMessage())
          .isEqualTo(ErrorCategory.CONFIGURATION);
      assertThat(refused.getMessage())
          .contains("DELETE privilege", "LISTPRICE", "PROPAGATOR")
          .doesNotContain("\n");
      assertThat(session.production()).isEqualTo(before);

      session.editProduction("GRANT DELETE ON PUBLIC.LISTPRICE TO PROPAGATOR");
      PropagationResult result = new StagingPropagation().propagate(propagate(config));
      assertThat(result.refused()).as(result.message()).isFalse();
      Reliability.assertConverged(session, "H2 with exactly the documented grants");
    }
  }

  private static void assertEqual(DatabaseKind kind, DatabasePair pair, String context)
      throws SQLException {
    assertThat(snapshot(kind, pair.staging()))
        .as(context)
        .isEqualTo(snapshot(kind, pair.production()));
  }

  private static Map<String, TableSnapshot> snapshot(DatabaseKind kind, TestDatabase db)
      throws SQLException {
    Map<String, TableSnapshot> tables = new java.util.TreeMap<>();
    for (String table : CatalogSchema.stagedTables(kind)) {
      tables.put(table, TableSnapshot.of(db, table));
    }
    return tables;
  }

  private static List<String> tables(DatabaseKind kind) {
    return CatalogSchema.STAGED_TABLES.stream()
        .map(
            t ->
                t.equals(t.toUpperCase(Locale.ROOT))
                    ? t
                    : kind == DatabaseKind.MARIADB ? "`" + t + "`" : "\"" + t + "\"")
        .toList();
  }

  private static CopyRequest copy(StagingConfig config) {
    return new CopyRequest(config, config.scopes().get("all"), false, false, 100, Optional.empty());
  }

  private static PropagationRequest propagate(StagingConfig config) {
    return new PropagationRequest(
        config,
        config.scopes().get("all"),
        ConflictPolicy.FAIL,
        TransactionMode.TABLE,
        100,
        false,
        Optional.empty(),
        Optional.empty(),
        30,
        List.of(),
        false);
  }

  private static StagingConfig config(
      DatabasePair pair,
      DatabaseUsers users,
      String stagingUser,
      String productionUser,
      List<String> t) {
    return new StagingConfig(
        users.settings("staging", pair.staging(), stagingUser),
        users.settings("production", pair.production(), productionUser),
        Map.of("all", t));
  }
}
