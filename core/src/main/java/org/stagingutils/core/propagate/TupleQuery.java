// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.stagingutils.core.dialect.Dialect;
import org.stagingutils.core.metadata.Column;
import org.stagingutils.core.metadata.TableMetadata;

/**
 * {@code SELECT ... FROM table t WHERE (c1, c2) IN ((?, ?), ...)}, batch by batch: how the planner
 * looks rows up by key, foreign key or unique value. The list side comes from {@link
 * Dialect#compositeKeyList}, so that each database uses the index on the columns for it.
 */
final class TupleQuery {
  /** Reads one result row. */
  @FunctionalInterface
  interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  private final Dialect dialect;
  private final TableMetadata table;
  private final List<Column> columns;
  private final boolean keyTexts;
  private final int batchSize;
  private final String hint;

  private TupleQuery(
      Dialect dialect, TableMetadata table, List<Column> columns, boolean keyTexts, int batchSize) {
    this.dialect = dialect;
    this.table = table;
    this.columns = List.copyOf(columns);
    this.keyTexts = keyTexts;
    this.batchSize = batchSize;
    this.hint = dialect.keyLookupHint(table, this.columns.stream().map(Column::name).toList());
  }

  /**
   * Tuples given as the texts of key JSON ({@link KeyCodec#texts}), converted to the columns' types
   * by {@link Dialect#keyParameter}: capture keys, and foreign keys that reference them.
   */
  static TupleQuery byKeyTexts(
      Dialect dialect, TableMetadata table, List<String> columns, int batchSize) {
    return new TupleQuery(
        dialect, table, columns.stream().map(table::column).toList(), true, batchSize);
  }

  /** Tuples given as values of the columns' own types, as the driver returned them. */
  static TupleQuery byValues(
      Dialect dialect, TableMetadata table, List<String> columns, int batchSize) {
    return new TupleQuery(
        dialect, table, columns.stream().map(table::column).toList(), false, batchSize);
  }

  /**
   * @param select the select list, over the row alias {@code t}
   * @param tuples one list of values per row to find, in column order
   */
  void select(
      Connection connection, String select, Collection<? extends List<?>> tuples, RowReader reader)
      throws SQLException {
    List<List<?>> batch = new ArrayList<>(Math.min(tuples.size(), batchSize));
    for (List<?> tuple : tuples) {
      batch.add(tuple);
      if (batch.size() == batchSize) {
        selectBatch(connection, select, batch, reader);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      selectBatch(connection, select, batch, reader);
    }
  }

  private void selectBatch(
      Connection connection, String select, List<List<?>> batch, RowReader reader)
      throws SQLException {
    String sql =
        "SELECT "
            + select
            + " FROM "
            + dialect.qualify(table.name())
            + " t"
            + hint
            + " WHERE "
            + condition(batch.size());
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      int index = 1;
      for (List<?> tuple : batch) {
        for (Object value : tuple) {
          if (keyTexts) {
            ps.setString(index++, (String) value);
          } else {
            ps.setObject(index++, value);
          }
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    }
  }

  /** {@code (t.k1, t.k2) IN ((?, ?), ...)}; a single column without the parentheses. */
  private String condition(int count) {
    String names =
        columns.stream().map(c -> "t." + dialect.quote(c.name())).collect(Collectors.joining(", "));
    String markers =
        columns.stream()
            .map(c -> keyTexts ? dialect.keyParameter(c) : dialect.valueParameter(c))
            .collect(Collectors.joining(", "));
    if (columns.size() == 1) {
      return names + " IN (" + String.join(", ", Collections.nCopies(count, markers)) + ")";
    }
    return "(" + names + ") IN (" + dialect.compositeKeyList("(" + markers + ")", count) + ")";
  }
}
