// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.math.BigDecimal;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.stagingutils.core.capture.CaptureInstaller;
import org.stagingutils.core.config.ConnectionSettings;
import org.stagingutils.core.config.StagingConfig;
import org.stagingutils.core.connect.Database;
import org.stagingutils.core.connect.DatabaseOpener;
import org.stagingutils.core.control.ChangeLog;
import org.stagingutils.core.control.ControlSchema;
import org.stagingutils.core.dialect.Dialect;
import org.stagingutils.core.metadata.StagedTableResolver;
import org.stagingutils.core.metadata.TableMetadata;
import org.stagingutils.core.testdb.CatalogSchema;
import org.stagingutils.core.testdb.DatabaseKind;
import org.stagingutils.core.testdb.DatabasePair;
import org.stagingutils.core.testdb.TestDatabases;

/**
 * A production and a staging database holding the same seeded catalog, with capture installed on
 * staging: the state stagingcopy leaves behind, built without it.
 */
public final class StagingSession implements AutoCloseable {
  public final DatabaseKind kind;
  public final DatabasePair pair;
  public final Dialect dialect;
  public final List<String> tables;

  public StagingSession(DatabaseKind kind) throws SQLException {
    this(TestDatabases.createPair(kind));
  }

  /** The session on databases the caller made, for example on servers of its own. */
  public StagingSession(DatabasePair pair) throws SQLException {
    this.kind = pair.production().kind();
    this.pair = pair;
    CatalogSchema.create(pair.production());
    CatalogSchema.seed(pair.production());
    CatalogSchema.create(pair.staging());
    CatalogSchema.seed(pair.staging());
    this.tables =
        CatalogSchema.STAGED_TABLES.stream()
            .map(t -> t.equals(t.toUpperCase(Locale.ROOT)) ? t : "\"" + t + "\"")
            .toList();
    try (Database staging = DatabaseOpener.open(settings("staging", pair.staging()))) {
      this.dialect = staging.dialect();
      ControlSchema.migrateStaging(staging.dataSource(), dialect, staging.schema());
      CaptureInstaller installer = new CaptureInstaller(dialect, staging.controlTables());
      try (Connection c = staging.connection()) {
        List<TableMetadata> metadata =
            new StagedTableResolver(c, dialect, staging.schema(), "staging").resolve(tables);
        for (TableMetadata table : metadata) {
          installer.install(c, table);
        }
        new ChangeLog(staging.controlTables()).startSession(c, "all", metadata);
      }
    }
  }

  public static ConnectionSettings settings(
      String role, org.stagingutils.core.testdb.TestDatabase database) {
    return new ConnectionSettings(
        role, database.url(), database.user(), database.password(), Optional.empty());
  }

  public StagingConfig config() {
    return new StagingConfig(
        settings("staging", pair.staging()),
        settings("production", pair.production()),
        Map.of("all", tables));
  }

  public PropagationRequest request(ConflictPolicy policy) {
    return request(policy, false);
  }

  /** A {@code --dry-run} of everything pending. */
  public PropagationRequest dryRunRequest() {
    return request(ConflictPolicy.FAIL, true);
  }

  private PropagationRequest request(ConflictPolicy policy, boolean dryRun) {
    return new PropagationRequest(
        config(),
        tables,
        policy,
        TransactionMode.ONE,
        100,
        dryRun,
        Optional.empty(),
        Optional.empty(),
        30,
        List.of(),
        false);
  }

  PropagationResult propagate(List<String> changeSets, boolean withPrerequisites) {
    return propagate(Optional.empty(), changeSets, withPrerequisites);
  }

  /** Propagates with {@code --before cutoff --on-conflict fail}. */
  public PropagationResult propagateBefore(java.time.Instant cutoff) {
    return propagate(Optional.of(cutoff), List.of(), false);
  }

  /** Propagates the change sets' rows whose last change came before {@code cutoff}. */
  PropagationResult propagateBefore(java.time.Instant cutoff, List<String> changeSets) {
    return propagate(Optional.of(cutoff), changeSets, false);
  }

  private PropagationResult propagate(
      Optional<java.time.Instant> before, List<String> changeSets, boolean withPrerequisites) {
    PropagationRequest all = request(ConflictPolicy.FAIL);
    return new StagingPropagation()
        .propagate(
            new PropagationRequest(
                all.config(),
                all.tables(),
                all.onConflict(),
                all.transaction(),
                all.batchSize(),
                false,
                Optional.empty(),
                before,
                all.retainDays(),
                changeSets,
                withPrerequisites));
  }

  /** Runs statements in staging under a change set, as an editing application would. */
  public void editIn(String changeSet, String... sql) throws SQLException {
    try (Connection c = pair.staging().connection();
        Statement s = c.createStatement()) {
      dialect.setChangeSet(c, changeSet);
      for (String each : sql) {
        s.execute(each);
      }
    }
  }

  public PropagationResult propagate(ConflictPolicy policy) {
    return new StagingPropagation().propagate(request(policy));
  }

  /**
   * Propagates with {@code --on-conflict fail}, then again as if that run died after production's
   * commit, before staging's bookkeeping: each time production must equal staging with nothing left
   * pending.
   *
   * @return the second run's result
   */
  public PropagationResult propagateAndRerunAfterCrash() throws SQLException {
    PropagationResult result = propagate(ConflictPolicy.FAIL);
    org.assertj.core.api.Assertions.assertThat(result.refused())
        .as("%s %s", result.message(), result.conflicts())
        .isFalse();
    org.assertj.core.api.Assertions.assertThat(production()).isEqualTo(staging());
    org.assertj.core.api.Assertions.assertThat(pending()).isZero();

    edit("DELETE FROM STAGLOGDONE");
    PropagationResult rerun = propagate(ConflictPolicy.FAIL);
    org.assertj.core.api.Assertions.assertThat(rerun.refused())
        .as("%s", rerun.conflicts())
        .isFalse();
    org.assertj.core.api.Assertions.assertThat(production()).isEqualTo(staging());
    org.assertj.core.api.Assertions.assertThat(pending()).isZero();
    return rerun;
  }

  /** Runs statements in staging as an editor would. */
  public void edit(String... sql) throws SQLException {
    pair.staging().execute(sql);
  }

  public void editProduction(String... sql) throws SQLException {
    pair.production().execute(sql);
  }

  public String q(String identifier) {
    return dialect.quote(identifier);
  }

  public long pending() throws SQLException {
    return stagingCount("SELECT COUNT(*) FROM STAGLOG WHERE STGPROCESSED = 0");
  }

  /** The number a query of one row and one column gives in staging, e.g. a COUNT(*). */
  public long stagingCount(String sql) throws SQLException {
    try (Connection c = pair.staging().connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Every staged table's rows, normalised to text, sorted: equal maps mean equal databases. */
  public Map<String, List<String>> contents(org.stagingutils.core.testdb.TestDatabase database)
      throws SQLException {
    Map<String, List<String>> contents = new LinkedHashMap<>();
    for (String table : CatalogSchema.stagedTables(kind)) {
      contents.put(table, rows(database, table));
    }
    return contents;
  }

  public Map<String, List<String>> staging() throws SQLException {
    return contents(pair.staging());
  }

  public Map<String, List<String>> production() throws SQLException {
    return contents(pair.production());
  }

  public List<String> rows(org.stagingutils.core.testdb.TestDatabase database, String table)
      throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = database.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + q(table))) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.append(md.getColumnName(i)).append('=').append(text(rs.getObject(i))).append("; ");
        }
        rows.add(row.toString());
      }
    }
    rows.sort(String::compareTo);
    return rows;
  }

  private static String text(Object value) throws SQLException {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof byte[] bytes) {
      return HexFormat.of().formatHex(bytes);
    }
    if (value instanceof Blob blob) {
      return HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
    }
    if (value instanceof Clob clob) {
      return clob.getSubString(1, (int) clob.length());
    }
    if (value instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }

  @Override
  public void close() {
    pair.close();
  }
}
