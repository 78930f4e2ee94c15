// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagingutils.core.cli.ExitCodes;
import org.stagingutils.core.config.StagingConfig;
import org.stagingutils.core.connect.Database;
import org.stagingutils.core.connect.DatabaseOpener;
import org.stagingutils.core.control.ControlSchema;
import org.stagingutils.core.control.RunLocks;
import org.stagingutils.core.copy.CopyRequest;
import org.stagingutils.core.copy.StagingCopy;
import org.stagingutils.core.propagate.StagingSession;
import org.stagingutils.core.propagate.TransactionMode;
import org.stagingutils.core.testdb.CatalogSchema;
import org.stagingutils.core.testdb.DatabaseKind;
import org.stagingutils.core.testdb.DatabasePair;
import org.stagingutils.core.testdb.DedicatedServer;
import org.stagingutils.core.testdb.TableSnapshot;
import org.stagingutils.core.testdb.TestDatabase;
import org.stagingutils.core.testdb.TestDatabases;

/**
 * The database server itself restarted (stopped and started on the same data directory and port)
 * while stagingprop writes production or stagingcopy writes staging. The restarted server is an
 * embedded one of this class's own, never the servers other builds share; the other database of the
 * pair stays on the shared server. The run fails as a database error (exit 3) with one line,
 * nothing is half written, no run lock is left behind, and the next run completes the work.
 */
class ServerRestartIT {
  private static final Logger LOG = LoggerFactory.getLogger(ServerRestartIT.class);
  private static final long FIRST = 100_000;
  private static final int PRODUCTS = 2_000;
  private static final int COPIED = 100_000;
  private static final Duration RUN_LIMIT = Duration.ofSeconds(60);
  private static final Map<DatabaseKind, DedicatedServer> SERVERS =
      new EnumMap<>(DatabaseKind.class);

  /** Which database of the pair lives on the server that is restarted. */
  enum Restarted {
    PRODUCTION,
    STAGING
  }

  static Stream<Arguments> propagations() {
    return Stream.of(DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB)
        .flatMap(kind -> Stream.of(Restarted.values()).map(side -> Arguments.of(kind, side)));
  }

  @ParameterizedTest(name = "{0}, {1} server restarted")
  @MethodSource("propagations")
  @Timeout(120)
  void aServerRestartedMidPropagationFailsTheRunAndTheNextRunConverges(
      DatabaseKind kind, Restarted restarted) throws Exception {
    DedicatedServer server = server(kind);
    try (StagingSession session = new StagingSession(pair(kind, server, restarted))) {
      Reliability.propagate(session, TransactionMode.ONE); // production control tables
      new BulkEdits(session.pair.staging()).insert(FIRST, PRODUCTS);
      session.edit("UPDATE STORE SET STATUS = 7 WHERE STORE_ID = 1");
      Map<String, List<String>> before = session.production();
      List<String> changeLog = changeLog(session.pair.staging());
      long lastRun = JournalRuns.read(session.pair.production()).lastRunId();

      try (EngineProcess child =
          EngineProcess.start(
              "propagate",
              session.config(),
              TransactionMode.ONE,
              Reliability.BATCH_SIZE,
              session.tables)) {
        ProductionWrites.await(session, FIRST, child::isAlive, RUN_LIMIT);
        long started = System.nanoTime();
        server.restart();
        LOG.info(
            "{}: {} server restarted in {} ms, {} ms into the run",
            kind,
            restarted,
            (System.nanoTime() - started) / 1_000_000,
            child.age().toMillis());
        assertThat(child.waitFor(RUN_LIMIT)).as(child.output()).isEqualTo(ExitCodes.RUNTIME);
        assertThat(assertOneFailureLine(child.output()))
            .as("the line names the database whose server went away")
            .contains(restarted.name().toLowerCase(Locale.ROOT));
      }
      assertThat(session.production()).as("production after the failed run").isEqualTo(before);
      assertThat(changeLog(session.pair.staging())).as("change log").isEqualTo(changeLog);
      assertThat(JournalRuns.read(session.pair.production()).lastRunId()).isEqualTo(lastRun);
      assertNoRunLock(session.config());

      Reliability.propagate(session, TransactionMode.ONE);
      Reliability.assertConverged(session, kind + " after a restart of the " + restarted);
    }
  }

  /** Copies write staging, so staging's server is the one restarted. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = DatabaseKind.class,
      names = {"POSTGRESQL", "MARIADB"})
  @Timeout(120)
  void aServerRestartedMidCopyLeavesStagingAsItWasAndTheNextCopyCompletes(DatabaseKind kind)
      throws Exception {
    DedicatedServer server = server(kind);
    List<String> tables =
        CatalogSchema.STAGED_TABLES.stream()
            .map(t -> t.equals(t.toUpperCase(Locale.ROOT)) ? t : quote(kind, t))
            .toList();
    try (DatabasePair pair = pair(kind, server, Restarted.STAGING)) {
      for (TestDatabase db : List.of(pair.production(), pair.staging())) {
        CatalogSchema.create(db);
        CatalogSchema.seed(db);
      }
      BulkEdits.generate(pair.production(), FIRST, COPIED);
      StagingConfig config =
          new StagingConfig(
              StagingSession.settings("staging", pair.staging()),
              StagingSession.settings("production", pair.production()),
              Map.of("all", tables));
      // Control tables made beforehand, so that the first write the test sees is the copy's own.
      try (Database staging = DatabaseOpener.open(config.staging())) {
        ControlSchema.migrateStaging(staging.dataSource(), staging.dialect(), staging.schema());
      }
      Map<String, TableSnapshot> before = snapshots(pair.staging(), kind);

      try (EngineProcess child =
          EngineProcess.start("copy", config, TransactionMode.ONE, 1000, tables)) {
        awaitInserting(pair.staging(), child);
        long started = System.nanoTime();
        server.restart();
        LOG.info(
            "{}: staging server restarted in {} ms, {} ms into the copy",
            kind,
            (System.nanoTime() - started) / 1_000_000,
            child.age().toMillis());
        assertThat(child.waitFor(RUN_LIMIT)).as(child.output()).isEqualTo(ExitCodes.RUNTIME);
        assertOneFailureLine(child.output());
      }
      assertThat(snapshots(pair.staging(), kind))
          .as("staging after the failed copy")
          .isEqualTo(before);
      assertNoRunLock(config);

      new StagingCopy().copy(new CopyRequest(config, tables, false, false, 1000, Optional.empty()));
      for (String table : CatalogSchema.stagedTables(kind)) {
        assertThat(TableSnapshot.of(pair.staging(), table))
            .as(table)
            .isEqualTo(TableSnapshot.of(pair.production(), table));
      }
      assertThat(changeLog(pair.staging())).as("change log after the copy").isEmpty();
    }
  }

  @AfterAll
  static void stopServers() throws Exception {
    for (DedicatedServer server : SERVERS.values()) {
      server.close();
    }
    SERVERS.clear();
  }

  private static synchronized DedicatedServer server(DatabaseKind kind) throws Exception {
    DedicatedServer server = SERVERS.get(kind);
    if (server == null) {
      server = DedicatedServer.start(kind);
      SERVERS.put(kind, server);
    }
    return server;
  }

  private static DatabasePair pair(DatabaseKind kind, DedicatedServer server, Restarted restarted)
      throws SQLException {
    TestDatabase own = server.createDatabase();
    try {
      TestDatabase shared = TestDatabases.create(kind);
      return restarted == Restarted.PRODUCTION
          ? new DatabasePair(own, shared)
          : new DatabasePair(shared, own);
    } catch (RuntimeException e) {
      own.close();
      throw e;
    }
  }

  /**
   * The child reports the failure on one line, naming it a database failure, short enough to read
   * (not a failed batch quoting its rows); returns that line.
   */
  private static String assertOneFailureLine(String output) {
    List<String> failures = output.lines().filter(l -> l.startsWith("failed ")).toList();
    assertThat(failures).as(output).hasSize(1);
    String failure = failures.get(0);
    LOG.info("the run's failure: {}", failure);
    assertThat(failure).as(output).startsWith("failed DATABASE: ").hasSizeLessThan(300);
    return failure;
  }

  /** A run lock outliving the failed run would make every later run exit 4. */
  private static void assertNoRunLock(StagingConfig config) {
    try (Database staging = DatabaseOpener.open(config.staging());
        RunLocks lock = RunLocks.acquire(staging)) {
      assertThat(lock).isNotNull();
    }
  }

  /** Waits until a session other than the test's inserts into {@code database}. */
  private static void awaitInserting(TestDatabase database, EngineProcess child) throws Exception {
    long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
    while (ServerSessions.of(database, ServerSessions.Filter.INSERTING).isEmpty()) {
      assertThat(child.isAlive()).as("the copy ended before writing: %s", child.output()).isTrue();
      assertThat(System.nanoTime()).as("the copy never wrote staging").isLessThan(deadline);
      Thread.sleep(2);
    }
  }

  private static Map<String, TableSnapshot> snapshots(TestDatabase database, DatabaseKind kind)
      throws SQLException {
    Map<String, TableSnapshot> snapshots = new LinkedHashMap<>();
    for (String table : CatalogSchema.stagedTables(kind)) {
      snapshots.put(table, TableSnapshot.of(database, table));
    }
    return snapshots;
  }

  /** Every change-log row, processed or not, as text. */
  private static List<String> changeLog(TestDatabase staging) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = staging.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM STAGLOG")) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.append(md.getColumnName(i)).append('=').append(rs.getString(i)).append("; ");
        }
        rows.add(row.toString());
      }
    }
    rows.sort(String::compareTo);
    return rows;
  }

  private static String quote(DatabaseKind kind, String identifier) {
    return kind == DatabaseKind.MARIADB ? "`" + identifier + "`" : "\"" + identifier + "\"";
  }
}
