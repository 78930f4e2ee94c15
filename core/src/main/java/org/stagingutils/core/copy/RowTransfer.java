// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.copy;

import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.LongConsumer;
import org.stagingutils.core.metadata.Column;

/**
 * Moves rows between two connections through plain JDBC: a forward-only query with a fetch size
 * (which makes MariaDB Connector/J stream) feeding a batched insert. Only one batch of rows is ever
 * held, and a batch is also cut short once its large values pass a byte budget. Each written batch
 * is reported, for progress bars.
 */
final class RowTransfer {
  private static final long MAX_BATCH_BYTES = 32L * 1024 * 1024;

  private RowTransfer() {}

  static long transfer(
      Connection source,
      String select,
      Connection target,
      String insert,
      List<Column> columns,
      int batchSize,
      LongConsumer rowsWritten)
      throws SQLException {
    try (PreparedStatement query =
            source.prepareStatement(
                select, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        PreparedStatement writer = target.prepareStatement(insert)) {
      query.setFetchSize(batchSize);
      try (ResultSet rows = query.executeQuery()) {
        long count = 0;
        int pending = 0;
        long pendingBytes = 0;
        while (rows.next()) {
          for (int i = 1; i <= columns.size(); i++) {
            pendingBytes += bind(rows, writer, i, columns.get(i - 1));
          }
          writer.addBatch();
          count++;
          pending++;
          if (pending >= batchSize || pendingBytes >= MAX_BATCH_BYTES) {
            writer.executeBatch();
            rowsWritten.accept(pending);
            pending = 0;
            pendingBytes = 0;
          }
        }
        if (pending > 0) {
          writer.executeBatch();
          rowsWritten.accept(pending);
        }
        return count;
      }
    }
  }

  /** Binds one value as read; returns its approximate size in bytes. */
  private static long bind(ResultSet rows, PreparedStatement writer, int index, Column column)
      throws SQLException {
    Object value = rows.getObject(index);
    if (value == null) {
      writer.setNull(index, column.jdbcType());
      return 0;
    }
    // LOB locators belong to the source connection: move their contents instead.
    if (value instanceof Blob blob) {
      byte[] bytes = blob.getBytes(1, Math.toIntExact(blob.length()));
      blob.free();
      writer.setBytes(index, bytes);
      return bytes.length;
    }
    if (value instanceof Clob clob) {
      String text = clob.getSubString(1, Math.toIntExact(clob.length()));
      clob.free();
      writer.setString(index, text);
      return 2L * text.length();
    }
    writer.setObject(index, value);
    if (value instanceof byte[] bytes) {
      return bytes.length;
    }
    return value instanceof String text ? 2L * text.length() : 16;
  }
}
