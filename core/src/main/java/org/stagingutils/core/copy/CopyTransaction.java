// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.copy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.connect.Database;
import org.stagingutils.core.control.ChangeLog;
import org.stagingutils.core.dialect.BulkCopy;
import org.stagingutils.core.dialect.BulkLoadSwitches;
import org.stagingutils.core.dialect.Dialect;
import org.stagingutils.core.metadata.StagedSchema;
import org.stagingutils.core.metadata.TableMetadata;
import org.stagingutils.core.progress.ProgressListener;

/**
 * The data part of a copy: one production snapshot read, table by table in foreign-key order,
 * straight into each staged table that is empty in staging and through a shadow table merged into
 * each other one; then the change log emptied and the session recorded, all in one staging
 * transaction. A failure or a kill at any point leaves staging as it was.
 */
final class CopyTransaction {
  private static final Logger LOG = LoggerFactory.getLogger(CopyTransaction.class);

  private final Database production;
  private final Database staging;
  private final StagedSchema schema;
  private final int batchSize;
  private final Dialect dialect;
  private final List<TableMerge> merges;
  private final ProgressListener progress;

  CopyTransaction(
      Database production,
      Database staging,
      StagedSchema schema,
      int batchSize,
      ProgressListener progress) {
    this.production = production;
    this.staging = staging;
    this.schema = schema;
    this.batchSize = batchSize;
    this.dialect = staging.dialect();
    this.merges = plan(dialect, schema);
    this.progress = progress;
  }

  /** One merge per copied table, parents first; fails early on references it cannot order. */
  static List<TableMerge> plan(Dialect dialect, StagedSchema schema) {
    boolean checksRelaxed = !dialect.relaxForeignKeysSql().isEmpty();
    List<TableMerge> merges = new ArrayList<>();
    for (TableMetadata table : schema.graph().parentsFirst()) {
      merges.add(
          new TableMerge(
              dialect,
              table,
              schema.productionTable(table),
              "stg_copy_" + (merges.size() + 1),
              checksRelaxed ? List.of() : DeferredColumns.of(table, schema.graph())));
    }
    return merges;
  }

  CopyResult run(String scope, long start) {
    try (Connection source = production.connection();
        Connection target = staging.connection()) {
      Snapshot.begin(source);
      target.setAutoCommit(false);
      dialect.setCaptureEnabled(target, false);
      dialect.relaxForeignKeysForCopy(target);
      try {
        CopyResult result = write(source, target, scope, start);
        target.commit();
        source.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback(target, e);
        throw e;
      } finally {
        progress.end();
        restoreSession(target);
      }
    } catch (SQLException e) {
      throw StagingException.database("cannot copy production into staging", e);
    }
  }

  private CopyResult write(Connection source, Connection target, String scope, long start)
      throws SQLException {
    long[] nanos = new long[merges.size()];
    boolean[] direct = new boolean[merges.size()];
    List<Long> rows = new ArrayList<>();
    for (int i = 0; i < merges.size(); i++) {
      direct[i] = merges.get(i).loadsDirectly() && isEmpty(target, merges.get(i));
    }
    // Parents first, each table complete before its children: a child written straight into its
    // table needs the rows it references to be there already where foreign keys are checked.
    for (int i = 0; i < merges.size(); i++) {
      long tableStart = System.nanoTime();
      TableMerge merge = merges.get(i);
      progress.begin("copying", progress.active() ? countProduction(source, merge) : 0, "rows");
      progress.item(merge.name() + " (" + (i + 1) + "/" + merges.size() + ")");
      rows.add(
          direct[i] ? loadDirectly(source, target, merge) : loadAndMerge(source, target, merge));
      nanos[i] += System.nanoTime() - tableStart;
    }
    runEach(target, nanos, direct, false, TableMerge::restoreDeferred, "setting self-references");
    runEach(
        target, nanos, direct, false, TableMerge::detachMissing, "detaching rows production lacks");
    runEach(
        target, nanos, direct, true, TableMerge::deleteMissing, "deleting rows production lacks");
    runEach(target, nanos, direct, false, TableMerge::dropShadow, "dropping its shadow table");
    progress.end();
    List<TableMetadata> tables = merges.stream().map(TableMerge::table).toList();
    ChangeLog changeLog = new ChangeLog(staging.controlTables());
    long sessionId;
    try {
      changeLog.clear(target, tables);
      sessionId = changeLog.startSession(target, scope, tables);
    } catch (SQLException e) {
      throw StagingException.database("cannot reset the change log of the copied tables", e);
    }
    List<TableCopy> copies = new ArrayList<>();
    for (int i = 0; i < merges.size(); i++) {
      TableCopy copy =
          new TableCopy(merges.get(i).name(), rows.get(i), java.time.Duration.ofNanos(nanos[i]));
      LOG.info(
          "{}: {} rows copied in {} ms ({} rows/s)",
          copy.table(),
          copy.rows(),
          copy.elapsed().toMillis(),
          copy.rows() * 1000 / Math.max(1, copy.elapsed().toMillis()));
      copies.add(copy);
    }
    return new CopyResult(
        sessionId, copies, StagingCopy.total(copies), false, StagingCopy.since(start));
  }

  /** Whether the staged table has no row, seen from the copy's own transaction. */
  private static boolean isEmpty(Connection target, TableMerge merge) {
    try (Statement statement = target.createStatement()) {
      statement.setMaxRows(1);
      try (ResultSet row = statement.executeQuery("SELECT 1 FROM " + merge.targetTable())) {
        return !row.next();
      }
    } catch (SQLException e) {
      throw StagingException.database("cannot read table " + merge.name() + " in staging", e);
    }
  }

  /**
   * An empty staged table has no row identity to keep and nothing to delete: production's rows go
   * straight into it, written once, in the same transaction and with capture off like the merge.
   */
  private long loadDirectly(Connection source, Connection target, TableMerge merge) {
    try {
      BulkLoadSwitches switches = dialect.bulkLoadSwitches(target, merge.table());
      execute(target, switches.before());
      long rows = transfer(source, target, merge, merge.targetTable(), merge::insertIntoTable);
      execute(target, switches.after());
      LOG.debug("{}: {} rows written straight into the empty table", merge.name(), rows);
      return rows;
    } catch (SQLException e) {
      throw StagingException.database(
          "cannot copy table " + merge.name() + " (writing production's rows)", e);
    }
  }

  /** Production's rows of one table into its shadow table, then merged into the staged table. */
  private long loadAndMerge(Connection source, Connection target, TableMerge merge) {
    long rows;
    try {
      execute(target, merge.createShadow());
      rows = transfer(source, target, merge, merge.shadowTable(), merge::insertIntoShadow);
      execute(target, merge.analyzeShadow());
      LOG.debug("{}: {} rows read from production", merge.name(), rows);
    } catch (SQLException e) {
      throw StagingException.database(
          "cannot copy table " + merge.name() + " (reading production's rows)", e);
    }
    try {
      execute(target, merge.updateAndInsert());
    } catch (SQLException e) {
      throw StagingException.database("cannot copy table " + merge.name() + " (writing rows)", e);
    }
    return rows;
  }

  /** Production's rows into {@code into}: binary COPY where the dialect has it, else INSERTs. */
  private long transfer(
      Connection source,
      Connection target,
      TableMerge merge,
      String into,
      IntFunction<String> insertOfRows)
      throws SQLException {
    Optional<BulkCopy> bulk = dialect.bulkCopy();
    if (bulk.isPresent()) {
      // COPY streams undecoded buffers, so its rows are only counted at the end.
      long rows = bulk.get().copy(source, merge.selectProduction(), target, into, merge.columns());
      progress.advance(rows);
      return rows;
    }
    return RowTransfer.transfer(
        dialect,
        source,
        merge.selectProduction(),
        target,
        insertOfRows,
        merge.table().columns(),
        batchSize,
        progress::advance);
  }

  /** Production's row count in the copy's snapshot: the bar's total, so only when one is shown. */
  private long countProduction(Connection source, TableMerge merge) {
    String sql =
        "SELECT COUNT(*) FROM "
            + production.dialect().qualify(schema.productionTable(merge.table()).name());
    try (Statement statement = source.createStatement();
        ResultSet count = statement.executeQuery(sql)) {
      count.next();
      return count.getLong(1);
    } catch (SQLException e) {
      throw StagingException.database("cannot count the rows of table " + merge.name(), e);
    }
  }

  /** One step over the merged tables; tables written directly had no shadow and need none. */
  private void runEach(
      Connection target,
      long[] nanos,
      boolean[] direct,
      boolean childrenFirst,
      Function<TableMerge, List<String>> statements,
      String step) {
    progress.begin("merging: " + step, merges.size(), "tables");
    for (int n = 0; n < merges.size(); n++) {
      int i = childrenFirst ? merges.size() - 1 - n : n;
      TableMerge merge = merges.get(i);
      long tableStart = System.nanoTime();
      try {
        if (!direct[i]) {
          execute(target, statements.apply(merge));
        }
      } catch (SQLException e) {
        throw StagingException.database("cannot copy table " + merge.name() + " (" + step + ")", e);
      }
      nanos[i] += System.nanoTime() - tableStart;
      progress.advance(1);
    }
  }

  private static void execute(Connection connection, List<String> statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        LOG.trace("{}", sql);
        statement.execute(sql);
      }
    }
  }

  private static void rollback(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private void restoreSession(Connection target) {
    try {
      execute(target, dialect.restoreForeignKeysSql());
      dialect.setCaptureEnabled(target, true);
    } catch (SQLException e) {
      LOG.debug("could not restore the staging session settings: {}", e.getMessage());
    }
  }
}
