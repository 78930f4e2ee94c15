// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
  private final TransactionMode mode;
  private final Duration lockTimeout;

  ProductionWriter(
      Dialect dialect,
      StagedSchema schema,
      int batchSize,
      TransactionMode mode,
      Duration lockTimeout) {
    this.dialect = dialect;
    this.schema = schema;
    this.graph = schema.graph();
    this.batchSize = batchSize;
    this.mode = mode;
    this.lockTimeout = lockTimeout;
  }

  /** A row whose deferred columns still have to be set: its key JSON and their values. */
  private record FixUp(String key, Object[] values) {}

  void write(Map<TableMetadata, TablePlan> plans, Connection snapshot, Connection production)
      throws SQLException {
    Map<TableMetadata, List<FixUp>> fixUps = new HashMap<>();
    boolean valuesMovedAside = false;
    // Free unique values that other rows of this run take: deletes first, then placeholders.
    for (TableMetadata table : graph.childrenFirst()) {
      TablePlan plan = plans.get(table);
      if (plan != null && !plan.earlyDeleteActions().isEmpty()) {
        run(table, "delete rows of", () -> delete(plan, plan.earlyDeleteActions(), production));
        valuesMovedAside = true;
      }
      if (plan != null && !plan.parked().isEmpty()) {
        run(table, "move unique values aside in", () -> park(plan, production));
        valuesMovedAside = true;
      }
    }
    // With --transaction table a commit must never expose a state of our own making that a re-run
    // would take for someone's edit: placeholders, or rows still waiting for their deferred keys.
    for (TableMetadata table : graph.parentsFirst()) {
      TablePlan plan = plans.get(table);
      if (plan != null && !plan.upserts().isEmpty()) {
        run(table, "write rows of", () -> fixUps.put(table, upsert(plan, snapshot, production)));
        // A commit covers everything written so far, so it waits while any row awaits its keys.
        boolean rowsAwaitKeys = fixUps.values().stream().anyMatch(rows -> !rows.isEmpty());
        if (!valuesMovedAside && !rowsAwaitKeys) {
          commitPerTable(production);
        }
      }
    }
    for (TableMetadata table : graph.parentsFirst()) {
      List<FixUp> rows = fixUps.getOrDefault(table, List.of());
      if (!rows.isEmpty()) {
        run(
            table,
            "set self-referencing keys of",
            () -> fixUp(schema.productionTable(table), table, rows, production));
      }
    }
    commitPerTable(production);
    for (TableMetadata table : graph.childrenFirst()) {
      TablePlan plan = plans.get(table);
      if (plan != null && !plan.deletes().isEmpty()) {
        run(table, "delete rows of", () -> delete(plan, plan.deletes(), production));
        commitPerTable(production);
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

  private void commitPerTable(Connection production) throws SQLException {
    if (mode == TransactionMode.TABLE) {
      production.commit();
    }
  }

  private List<FixUp> upsert(TablePlan plan, Connection snapshot, Connection production)
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

    try (PreparedStatement insert = production.prepareStatement(insertSql(table));
        PreparedStatement update = production.prepareStatement(updateSql(table, valueColumns));
        PreparedStatement move = production.prepareStatement(updateSql(table, columns))) {
      Batches batches = new Batches(batchSize, insert, update, move);
      RowFetcher fetcher = new RowFetcher(dialect, source, batchSize);
      SqlConsumer<RowFetcher.FetchedRow> apply =
          row -> {
            RowAction action = byKey.get(row.key());
            switch (action.kind()) {
              case INSERT, REPLACE -> {
                bindValues(insert, 1, columns, row.values(), deferred);
                batches.add(insert);
              }
              case UPDATE -> {
                int next =
                    bindValues(
                        update, 1, valueColumns, valuesOf(columns, valueColumns, row), deferred);
                bindKey(update, next, table, row.key());
                batches.add(update);
              }
              case MOVE -> {
                int next = bindValues(move, 1, columns, row.values(), deferred);
                bindKey(move, next, table, action.fromKey());
                batches.add(move);
              }
              default -> throw new IllegalStateException("not an upsert: " + action);
            }
            if (!deferred.isEmpty()) {
              Object[] values = deferredValues(columns, deferred, row.values());
              if (java.util.Arrays.stream(values).anyMatch(v -> v != null)) {
                fixUps.add(new FixUp(row.key(), values));
              }
            }
          };
      SQLException[] failure = new SQLException[1];
      fetcher.fetch(
          snapshot,
          byKey.keySet(),
          true,
          row -> {
            if (failure[0] == null) {
              try {
                apply.accept(row);
              } catch (SQLException e) {
                failure[0] = e;
              }
            }
          });
      if (failure[0] != null) {
        throw failure[0];
      }
      batches.flushAll();
    }
    return fixUps;
  }

  private void fixUp(
      TableMetadata table, TableMetadata source, List<FixUp> rows, Connection production)
      throws SQLException {
    List<Column> deferred = DeferredColumns.of(source, graph).stream().map(table::column).toList();
    try (PreparedStatement update = production.prepareStatement(updateSql(table, deferred))) {
      Batches batches = new Batches(batchSize, update);
      for (FixUp row : rows) {
        int next = 1;
        for (int i = 0; i < deferred.size(); i++) {
          bind(update, next++, deferred.get(i), row.values()[i]);
        }
        bindKey(update, next, table, row.key());
        batches.add(update);
      }
      batches.flushAll();
    }
  }

  private void park(TablePlan plan, Connection production) throws SQLException {
    TableMetadata table = schema.productionTable(plan.table());
    for (var entry : plan.parked().entrySet()) {
      List<Column> columns =
          entry.getValue().stream()
              .flatMap(k -> k.columns().stream())
              .distinct()
              .map(table::column)
              .toList();
      try (PreparedStatement update = production.prepareStatement(updateSql(table, columns))) {
        int next = 1;
        for (Column column : columns) {
          bind(update, next++, column, ParkingValues.of(column, entry.getKey()));
        }
        bindKey(update, next, table, entry.getKey());
        update.executeUpdate();
      }
    }
  }

  private void delete(TablePlan plan, List<RowAction> deletes, Connection production)
      throws SQLException {
    TableMetadata table = schema.productionTable(plan.table());
    List<Column> deferred =
        DeferredColumns.of(plan.table(), graph).stream().map(table::column).toList();
    if (!deferred.isEmpty()) {
      // Detach first, so a parent and its children can go in any order.
      try (PreparedStatement detach = production.prepareStatement(updateSql(table, deferred))) {
        Batches batches = new Batches(batchSize, detach);
        for (RowAction action : deletes) {
          int next = 1;
          for (Column column : deferred) {
            bind(detach, next++, column, null);
          }
          bindKey(detach, next, table, action.key());
          batches.add(detach);
        }
        batches.flushAll();
      }
    }
    try (PreparedStatement delete =
        production.prepareStatement(
            "DELETE FROM " + dialect.qualify(table.name()) + " WHERE " + keyCondition(table))) {
      Batches batches = new Batches(batchSize, delete);
      for (RowAction action : deletes) {
        bindKey(delete, 1, table, action.key());
        batches.add(delete);
      }
      batches.flushAll();
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
        + table.columns().stream().map(c -> "?").collect(Collectors.joining(", "))
        + ")";
  }

  private String updateSql(TableMetadata table, List<Column> set) {
    return "UPDATE "
        + dialect.qualify(table.name())
        + " SET "
        + set.stream().map(c -> dialect.quote(c.name()) + " = ?").collect(Collectors.joining(", "))
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

  private int bindValues(
      PreparedStatement ps, int first, List<Column> columns, Object[] values, Set<String> deferred)
      throws SQLException {
    int index = first;
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      bind(ps, index++, column, deferred.contains(column.name()) ? null : values[i]);
    }
    return index;
  }

  private static void bind(PreparedStatement ps, int index, Column column, Object value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, column.jdbcType());
    } else {
      ps.setObject(index, value);
    }
  }

  private static void bindKey(PreparedStatement ps, int first, TableMetadata table, String key)
      throws SQLException {
    int index = first;
    for (String value : KeyCodec.texts(key)) {
      ps.setString(index++, value);
    }
  }

  @FunctionalInterface
  private interface SqlConsumer<T> {
    void accept(T value) throws SQLException;
  }

  /** Sends each statement's batch when it is full, and all of them at the end. */
  private static final class Batches {
    private final int size;
    private final Map<PreparedStatement, Integer> pending = new HashMap<>();

    Batches(int size, PreparedStatement... statements) {
      this.size = size;
      for (PreparedStatement statement : statements) {
        pending.put(statement, 0);
      }
    }

    void add(PreparedStatement statement) throws SQLException {
      statement.addBatch();
      int count = pending.merge(statement, 1, Integer::sum);
      if (count >= size) {
        statement.executeBatch();
        pending.put(statement, 0);
      }
    }

    void flushAll() throws SQLException {
      for (var entry : pending.entrySet()) {
        if (entry.getValue() > 0) {
          entry.getKey().executeBatch();
          entry.setValue(0);
        }
      }
    }
  }
}
