// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.copy;

import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;
import org.stagingutils.core.dialect.Dialect;
import org.stagingutils.core.metadata.Column;

/**
 * Moves rows between two connections through plain JDBC: a forward-only query with a fetch size
 * (which makes MariaDB Connector/J stream) feeding batched multi-row inserts, because the server
 * then parses, logs and indexes many rows per statement instead of one. Only one batch of rows is
 * ever held, and a batch is also cut short once its large values pass a byte budget. Each written
 * batch is reported, for progress bars.
 */
final class RowTransfer {
  private static final long MAX_BATCH_BYTES = 32L * 1024 * 1024;

  /** Rows per INSERT: past a few hundred the statement only grows, without getting faster. */
  private static final int MAX_ROWS_PER_STATEMENT = 250;

  /** Below every supported driver's bound-parameter limit (PostgreSQL 32767, MariaDB 65535). */
  private static final int MAX_PARAMETERS = 30_000;

  private RowTransfer() {}

  /**
   * @param insertOfRows the INSERT with placeholders for the given number of rows
   */
  static long transfer(
      Dialect dialect,
      Connection source,
      String select,
      Connection target,
      IntFunction<String> insertOfRows,
      List<Column> columns,
      int batchSize,
      LongConsumer rowsWritten)
      throws SQLException {
    int perStatement =
        Math.max(
            1,
            Math.min(Math.min(batchSize, MAX_ROWS_PER_STATEMENT), MAX_PARAMETERS / columns.size()));
    try (PreparedStatement query =
            source.prepareStatement(
                select, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        PreparedStatement writer = target.prepareStatement(insertOfRows.apply(perStatement))) {
      query.setFetchSize(batchSize);
      try (ResultSet rows = query.executeQuery()) {
        long count = 0;
        List<Object[]> statementRows = new ArrayList<>(perStatement);
        long batchedRows = 0;
        long pendingBytes = 0;
        while (rows.next()) {
          Object[] values = new Object[columns.size()];
          for (int i = 0; i < values.length; i++) {
            values[i] = read(dialect, rows, i + 1, columns.get(i));
            pendingBytes += size(values[i]);
          }
          statementRows.add(values);
          count++;
          if (statementRows.size() == perStatement) {
            bind(writer, statementRows, columns);
            writer.addBatch();
            batchedRows += statementRows.size();
            statementRows.clear();
            if (batchedRows >= batchSize || pendingBytes >= MAX_BATCH_BYTES) {
              writer.executeBatch();
              rowsWritten.accept(batchedRows);
              batchedRows = 0;
              pendingBytes = 0;
            }
          }
        }
        if (batchedRows > 0) {
          writer.executeBatch();
          rowsWritten.accept(batchedRows);
        }
        if (!statementRows.isEmpty()) {
          try (PreparedStatement tail =
              target.prepareStatement(insertOfRows.apply(statementRows.size()))) {
            bind(tail, statementRows, columns);
            tail.executeUpdate();
          }
          rowsWritten.accept(statementRows.size());
        }
        return count;
      }
    }
  }

  /** One value as read; LOB locators belong to the source connection, so their contents. */
  private static Object read(Dialect dialect, ResultSet rows, int index, Column column)
      throws SQLException {
    Object value = dialect.readValue(rows, index, column);
    if (value instanceof Blob blob) {
      byte[] bytes = blob.getBytes(1, Math.toIntExact(blob.length()));
      blob.free();
      return bytes;
    }
    if (value instanceof Clob clob) {
      String text = clob.getSubString(1, Math.toIntExact(clob.length()));
      clob.free();
      return text;
    }
    return value;
  }

  /** The approximate size in bytes of one value held for a batch. */
  private static long size(Object value) {
    if (value instanceof byte[] bytes) {
      return bytes.length;
    }
    return value instanceof String text ? 2L * text.length() : 16;
  }

  private static void bind(PreparedStatement writer, List<Object[]> rows, List<Column> columns)
      throws SQLException {
    int index = 1;
    for (Object[] values : rows) {
      for (int i = 0; i < values.length; i++, index++) {
        if (values[i] == null) {
          writer.setNull(index, columns.get(i).jdbcType());
        } else if (values[i] instanceof byte[] bytes) {
          writer.setBytes(index, bytes);
        } else if (values[i] instanceof String text) {
          writer.setString(index, text);
        } else {
          writer.setObject(index, values[i]);
        }
      }
    }
  }
}
