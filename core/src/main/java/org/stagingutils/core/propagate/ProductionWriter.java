// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.stagingutils.core.api.ErrorCategory;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.dialect.Dialect;
import org.stagingutils.core.metadata.Column;
import org.stagingutils.core.metadata.DependencyGraph;
import org.stagingutils.core.metadata.StagedSchema;
import org.stagingutils.core.metadata.TableMetadata;
import org.stagingutils.core.progress.ProgressListener;

/**
 * Applies table plans to production in foreign-key order: inserts, updates and key moves parents
 * first; then the deferred foreign-key columns of self-references and cycles; then deletes children
 * first. Statements are batched; values are always bound.
 */
final class ProductionWriter {
  private final Dialect dialect;
  private final StagedSchema schema;
  private final DependencyGraph graph;
  private final int batchSize;
  private final ProgressListener progress;
  private final TransactionMode mode;
  private final Duration lockTimeout;

  /** A writer for a script: it waits on no lock and reports no progress. */
  ProductionWriter(Dialect dialect, StagedSchema schema, int batchSize) {
    this(dialect, schema, batchSize, TransactionMode.ONE, Duration.ZERO, ProgressListener.NONE);
  }

  /**
   * @param mode and {@code lockTimeout}: only to say, when a lock wait ends the run, what it left
   */
  ProductionWriter(
      Dialect dialect,
      StagedSchema schema,
      int batchSize,
      TransactionMode mode,
      Duration lockTimeout,
      ProgressListener progress) {
    this.progress = progress;
    this.dialect = dialect;
    this.schema = schema;
    this.graph = schema.graph();
    this.batchSize = batchSize;
    this.mode = mode;
    this.lockTimeout = lockTimeout;
  }

  /** A row whose deferred columns still have to be set: its key JSON and their values. */
  private record FixUp(String key, Object[] values) {}

  void write(Map<TableMetadata, TablePlan> plans, Connection snapshot, ProductionStatements out)
      throws SQLException {
    Map<TableMetadata, List<FixUp>> fixUps = new HashMap<>();
    WriteProgress written = new WriteProgress(progress, plans);
    boolean valuesMovedAside = false;
    // Free unique values that other rows of this run take: deletes first, then placeholders.
    for (TableMetadata table : graph.childrenFirst()) {
      TablePlan plan = plans.get(table);
      if (plan != null && !plan.earlyDeleteActions().isEmpty()) {
        written.writing(table);
        run(table, "delete rows of", () -> delete(plan, plan.earlyDeleteActions(), out));
        written.written(plan.earlyDeleteActions().size());
        valuesMovedAside = true;
      }
      if (plan != null && !plan.parked().isEmpty()) {
        written.writing(table);
        run(table, "move unique values aside in", () -> park(plan, out));
        valuesMovedAside = true;
      }
    }
    // With --transaction table a commit must never expose a state of our own making that a re-run
    // would take for someone's edit: placeholders, or rows still waiting for their deferred keys.
    for (TableMetadata table : graph.parentsFirst()) {
      TablePlan plan = plans.get(table);
      if (plan != null && !plan.upserts().isEmpty()) {
        written.writing(table);
        run(table, "write rows of", () -> fixUps.put(table, upsert(plan, snapshot, out, written)));
        // A commit covers everything written so far, so it waits while any row awaits its keys.
        boolean rowsAwaitKeys = fixUps.values().stream().anyMatch(rows -> !rows.isEmpty());
        if (!valuesMovedAside && !rowsAwaitKeys) {
          out.commitPoint();
        }
      }
    }
    for (TableMetadata table : graph.parentsFirst()) {
      List<FixUp> rows = fixUps.getOrDefault(table, List.of());
      if (!rows.isEmpty()) {
        run(
            table,
            "set self-referencing keys of",
            () -> fixUp(schema.productionTable(table), table, rows, out));
      }
    }
    out.commitPoint();
    for (TableMetadata table : graph.childrenFirst()) {
      TablePlan plan = plans.get(table);
      if (plan != null && !plan.deletes().isEmpty()) {
        written.writing(table);
        run(table, "delete rows of", () -> delete(plan, plan.deletes(), out));
        written.written(plan.deletes().size());
        out.commitPoint();
      }
    }
  }

  private interface Step {
    void run() throws SQLException;
  }

  private void run(TableMetadata table, String what, Step step) {
    try {
      step.run();
    } catch (SQLException e) {
      if (dialect.isLockTimeout(e)) {
        throw lockTimeout(table, e);
      }
      throw StagingException.database("cannot " + what + " production table " + table.name(), e);
    }
  }

  private StagingException lockTimeout(TableMetadata table, SQLException e) {
    return new StagingException(
        ErrorCategory.DATABASE,
        "production table "
            + table.name()
            + ": another transaction held a lock on a row this run writes for more than "
            + lockTimeout.toSeconds()
            + " s (--lock-timeout); "
            + (mode == TransactionMode.ONE
                ? "nothing was written"
                : "tables committed before it stay written")
            + ". End that transaction, or raise --lock-timeout, and run again",
        e);
  }

  private List<FixUp> upsert(
      TablePlan plan, Connection snapshot, ProductionStatements out, WriteProgress written)
      throws SQLException {
    TableMetadata source = plan.table();
    TableMetadata table = schema.productionTable(source);
    List<Column> columns = table.columns();
    List<String> keyColumns = table.captureKey().orElseThrow().columns();
    Set<String> deferred = DeferredColumns.of(source, graph);
    List<Column> valueColumns =
        columns.stream().filter(c -> !keyColumns.contains(c.name())).toList();
    Map<String, RowAction> byKey = new HashMap<>();
    plan.upserts().forEach(a -> byKey.put(a.key(), a));
    List<FixUp> fixUps = new ArrayList<>();

    try (ProductionStatements.RowStatement insert = out.prepare(insertSql(table));
        ProductionStatements.RowStatement update = out.prepare(updateSql(table, valueColumns));
        ProductionStatements.RowStatement move = out.prepare(updateSql(table, columns))) {
      RowFetcher fetcher = new RowFetcher(dialect, source, batchSize);
      SqlConsumer<RowFetcher.FetchedRow> apply =
          row -> {
            RowAction action = byKey.get(row.key());
            switch (action.kind()) {
              case INSERT, REPLACE -> insert.add(values(columns, row.values(), deferred));
              case UPDATE -> {
                List<BoundValue> values =
                    values(valueColumns, valuesOf(columns, valueColumns, row), deferred);
                values.addAll(key(table, row.key()));
                update.add(values);
              }
              case MOVE -> {
                List<BoundValue> values = values(columns, row.values(), deferred);
                values.addAll(key(table, action.fromKey()));
                move.add(values);
              }
              default -> throw new IllegalStateException("not an upsert: " + action);
            }
            if (!deferred.isEmpty()) {
              Object[] values = deferredValues(columns, deferred, row.values());
              if (java.util.Arrays.stream(values).anyMatch(v -> v != null)) {
                fixUps.add(new FixUp(row.key(), values));
              }
            }
            written.written(1);
          };
      SQLException[] failure = new SQLException[1];
      try {
        fetcher.fetchValues(
            snapshot,
            byKey.keySet(),
            row -> {
              if (failure[0] == null) {
                try {
                  apply.accept(row);
                } catch (SQLException e) {
                  failure[0] = e;
                }
              }
            });
      } catch (SQLException e) {
        // production's failures are kept apart above: this one is staging's, e.g. its server
        // restarted, and blaming production would send the user to the wrong server
        throw StagingException.database("cannot read rows of staging table " + source.name(), e);
      }
      if (failure[0] != null) {
        throw failure[0];
      }
      insert.flush();
      update.flush();
      move.flush();
    }
    return fixUps;
  }

  private void fixUp(
      TableMetadata table, TableMetadata source, List<FixUp> rows, ProductionStatements out)
      throws SQLException {
    List<Column> deferred = DeferredColumns.of(source, graph).stream().map(table::column).toList();
    try (ProductionStatements.RowStatement update = out.prepare(updateSql(table, deferred))) {
      for (FixUp row : rows) {
        List<BoundValue> values = new ArrayList<>();
        for (int i = 0; i < deferred.size(); i++) {
          values.add(BoundValue.of(deferred.get(i), row.values()[i]));
        }
        values.addAll(key(table, row.key()));
        update.add(values);
      }
      update.flush();
    }
  }

  private void park(TablePlan plan, ProductionStatements out) throws SQLException {
    TableMetadata table = schema.productionTable(plan.table());
    for (var entry : plan.parked().entrySet()) {
      List<Column> columns =
          entry.getValue().stream()
              .flatMap(k -> k.columns().stream())
              .distinct()
              .map(table::column)
              .toList();
      try (ProductionStatements.RowStatement update = out.prepare(updateSql(table, columns))) {
        List<BoundValue> values = new ArrayList<>();
        for (Column column : columns) {
          values.add(BoundValue.of(column, ParkingValues.of(column, entry.getKey())));
        }
        values.addAll(key(table, entry.getKey()));
        update.add(values);
        update.flush();
      }
    }
  }

  private void delete(TablePlan plan, List<RowAction> deletes, ProductionStatements out)
      throws SQLException {
    TableMetadata table = schema.productionTable(plan.table());
    List<Column> deferred =
        DeferredColumns.of(plan.table(), graph).stream().map(table::column).toList();
    if (!deferred.isEmpty()) {
      // Detach first, so a parent and its children can go in any order.
      try (ProductionStatements.RowStatement detach = out.prepare(updateSql(table, deferred))) {
        for (RowAction action : deletes) {
          List<BoundValue> values = new ArrayList<>();
          for (Column column : deferred) {
            values.add(BoundValue.of(column, null));
          }
          values.addAll(key(table, action.key()));
          detach.add(values);
        }
        detach.flush();
      }
    }
    try (ProductionStatements.RowStatement delete =
        out.prepare(
            "DELETE FROM " + dialect.qualify(table.name()) + " WHERE " + keyCondition(table))) {
      for (RowAction action : deletes) {
        delete.add(key(table, action.key()));
      }
      delete.flush();
    }
  }

  private String insertSql(TableMetadata table) {
    return "INSERT INTO "
        + dialect.qualify(table.name())
        + " ("
        + table.columns().stream()
            .map(c -> dialect.quote(c.name()))
            .collect(Collectors.joining(", "))
        + ") VALUES ("
        + table.columns().stream().map(dialect::valueParameter).collect(Collectors.joining(", "))
        + ")";
  }

  private String updateSql(TableMetadata table, List<Column> set) {
    return "UPDATE "
        + dialect.qualify(table.name())
        + " SET "
        + set.stream()
            .map(c -> dialect.quote(c.name()) + " = " + dialect.valueParameter(c))
            .collect(Collectors.joining(", "))
        + " WHERE "
        + keyCondition(table);
  }

  private String keyCondition(TableMetadata table) {
    return table.captureKey().orElseThrow().columns().stream()
        .map(c -> dialect.quote(c) + " = " + dialect.keyParameter(table.column(c)))
        .collect(Collectors.joining(" AND "));
  }

  private static Object[] valuesOf(
      List<Column> all, List<Column> wanted, RowFetcher.FetchedRow row) {
    Object[] values = new Object[wanted.size()];
    for (int i = 0; i < wanted.size(); i++) {
      values[i] = row.values()[all.indexOf(wanted.get(i))];
    }
    return values;
  }

  private static Object[] deferredValues(List<Column> columns, Set<String> deferred, Object[] row) {
    return columns.stream()
        .filter(c -> deferred.contains(c.name()))
        .map(c -> row[columns.indexOf(c)])
        .toArray();
  }

  /** The values of {@code columns}, deferred ones as NULL (set by the fix-up once rows exist). */
  private static List<BoundValue> values(
      List<Column> columns, Object[] values, Set<String> deferred) {
    List<BoundValue> bound = new ArrayList<>(columns.size() + 4);
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      bound.add(BoundValue.of(column, deferred.contains(column.name()) ? null : values[i]));
    }
    return bound;
  }

  private static List<BoundValue> key(TableMetadata table, String key) {
    List<String> columns = table.captureKey().orElseThrow().columns();
    List<String> texts = KeyCodec.texts(key);
    List<BoundValue> bound = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      bound.add(BoundValue.keyText(table.column(columns.get(i)), texts.get(i)));
    }
    return bound;
  }

  @FunctionalInterface
  private interface SqlConsumer<T> {
    void accept(T value) throws SQLException;
  }
}
