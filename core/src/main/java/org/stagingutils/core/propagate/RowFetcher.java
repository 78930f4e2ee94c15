// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.sql.Connection;
import java.sql.SQLException;
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
  /**
   * One fetched row, with the values of the columns asked for, in that order; {@code image} is null
   * when not asked for.
   */
  record FetchedRow(String key, String image, Object[] values) {}

  private final Dialect dialect;
  private final TableMetadata table;
  private final int batchSize;

  RowFetcher(Dialect dialect, TableMetadata table, int batchSize) {
    this.dialect = dialect;
    this.table = table;
    this.batchSize = batchSize;
  }

  /** Fetches rows with all their column values, without their images: what is written. */
  void fetchValues(Connection connection, Collection<String> keys, Consumer<FetchedRow> sink)
      throws SQLException {
    // a row image is a JSON object built over every column by the database, as costly as the
    // rest of the row; the writer only copies values
    fetch(connection, keys, false, table.columns(), sink);
  }

  /** Fetches row images, with the values of the columns {@code wanted}. */
  void fetchImages(
      Connection connection,
      Collection<String> keys,
      List<Column> wanted,
      Consumer<FetchedRow> sink)
      throws SQLException {
    fetch(connection, keys, true, wanted, sink);
  }

  private void fetch(
      Connection connection,
      Collection<String> keys,
      boolean withImage,
      List<Column> wanted,
      Consumer<FetchedRow> sink)
      throws SQLException {
    String select =
        dialect.keyJson(table, "t")
            + (withImage ? ", " + dialect.rowImageJson(table, "t") : "")
            + wanted.stream()
                .map(c -> ", t." + dialect.quote(c.name()))
                .collect(Collectors.joining());
    byKey()
        .select(
            connection,
            select,
            texts(keys),
            rs -> {
              int first = withImage ? 3 : 2;
              Object[] values = new Object[wanted.size()];
              for (int i = 0; i < values.length; i++) {
                values[i] = dialect.readValue(rs, first + i, wanted.get(i));
              }
              sink.accept(
                  new FetchedRow(rs.getString(1), withImage ? rs.getString(2) : null, values));
            });
  }

  /** Evaluates SQL expressions over the rows with the given keys: key JSON, then the values. */
  void evaluate(
      Connection connection,
      Collection<String> keys,
      List<String> expressions,
      java.util.function.BiConsumer<String, String[]> sink)
      throws SQLException {
    String select =
        dialect.keyJson(table, "t")
            + expressions.stream().map(e -> ", " + e).collect(Collectors.joining());
    byKey()
        .select(
            connection,
            select,
            texts(keys),
            rs -> {
              String[] values = new String[expressions.size()];
              for (int i = 0; i < values.length; i++) {
                values[i] = rs.getString(2 + i);
              }
              sink.accept(rs.getString(1), values);
            });
  }

  private TupleQuery byKey() {
    return TupleQuery.byKeyTexts(
        dialect, table, table.captureKey().orElseThrow().columns(), batchSize);
  }

  /** Key JSON texts as the tuples of their values, decoded lazily batch by batch. */
  static Collection<List<String>> texts(Collection<String> keys) {
    return new java.util.AbstractCollection<>() {
      @Override
      public java.util.Iterator<List<String>> iterator() {
        return keys.stream().map(KeyCodec::texts).iterator();
      }

      @Override
      public int size() {
        return keys.size();
      }
    };
  }
}
