// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.stagingutils.core.dialect.Dialect;
import org.stagingutils.core.metadata.Column;
import org.stagingutils.core.metadata.TableMetadata;

/**
 * Reads rows by capture key, in batches through the key index: each row comes back with its key
 * JSON and row image exactly as the capture triggers write them, and optionally its values.
 */
final class RowFetcher {
  /** One fetched row, with the values of the columns asked for, in that order. */
  record FetchedRow(String key, String image, Object[] values) {}

  private final Dialect dialect;
  private final TableMetadata table;
  private final int batchSize;

  RowFetcher(Dialect dialect, TableMetadata table, int batchSize) {
    this.dialect = dialect;
    this.table = table;
    this.batchSize = batchSize;
  }

  /** Fetches rows with all their column values. */
  void fetch(
      Connection connection, Collection<String> keys, boolean withValues, Consumer<FetchedRow> sink)
      throws SQLException {
    fetch(connection, keys, withValues ? table.columns() : List.of(), sink);
  }

  void fetch(
      Connection connection,
      Collection<String> keys,
      List<Column> columns,
      Consumer<FetchedRow> sink)
      throws SQLException {
    List<String> batch = new ArrayList<>(batchSize);
    for (String key : keys) {
      batch.add(key);
      if (batch.size() == batchSize) {
        fetchBatch(connection, batch, columns, sink);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      fetchBatch(connection, batch, columns, sink);
    }
  }

  private void fetchBatch(
      Connection connection, List<String> keys, List<Column> wanted, Consumer<FetchedRow> sink)
      throws SQLException {
    List<Column> keyColumns = keyColumns();
    String columns =
        wanted.stream().map(c -> ", t." + dialect.quote(c.name())).collect(Collectors.joining());
    String sql =
        "SELECT "
            + dialect.keyJson(table, "t")
            + ", "
            + dialect.rowImageJson(table, "t")
            + columns
            + " FROM "
            + dialect.qualify(table.name())
            + " t WHERE "
            + keyIn(keyColumns, keys.size());
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      int index = 1;
      for (String key : keys) {
        for (String value : KeyCodec.texts(key)) {
          ps.setString(index++, value);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Object[] values = new Object[wanted.size()];
          for (int i = 0; i < values.length; i++) {
            values[i] = rs.getObject(3 + i);
          }
          sink.accept(new FetchedRow(rs.getString(1), rs.getString(2), values));
        }
      }
    }
  }

  private List<Column> keyColumns() {
    return table.captureKey().orElseThrow().columns().stream().map(table::column).toList();
  }

  /** Evaluates SQL expressions over the rows with the given keys: key JSON, then the values. */
  void evaluate(
      Connection connection,
      Collection<String> keys,
      List<String> expressions,
      java.util.function.BiConsumer<String, String[]> sink)
      throws SQLException {
    List<String> all = new ArrayList<>(keys);
    for (int from = 0; from < all.size(); from += batchSize) {
      List<String> batch = all.subList(from, Math.min(all.size(), from + batchSize));
      String sql =
          "SELECT "
              + dialect.keyJson(table, "t")
              + expressions.stream().map(e -> ", " + e).collect(Collectors.joining())
              + " FROM "
              + dialect.qualify(table.name())
              + " t WHERE "
              + keyIn(keyColumns(), batch.size());
      try (PreparedStatement ps = connection.prepareStatement(sql)) {
        int index = 1;
        for (String key : batch) {
          for (String value : KeyCodec.texts(key)) {
            ps.setString(index++, value);
          }
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String[] values = new String[expressions.size()];
            for (int i = 0; i < values.length; i++) {
              values[i] = rs.getString(2 + i);
            }
            sink.accept(rs.getString(1), values);
          }
        }
      }
    }
  }

  /** {@code (k1, k2) IN ((?, ?), ...)}: every supported database uses the key index for it. */
  String keyIn(List<Column> keyColumns, int count) {
    String tuple = keyColumns.stream().map(dialect::keyParameter).collect(Collectors.joining(", "));
    String names =
        keyColumns.stream()
            .map(c -> "t." + dialect.quote(c.name()))
            .collect(Collectors.joining(", "));
    if (keyColumns.size() == 1) {
      return names + " IN (" + String.join(", ", java.util.Collections.nCopies(count, tuple)) + ")";
    }
    return "(" + names + ") IN (" + dialect.compositeKeyList("(" + tuple + ")", count) + ")";
  }
}
