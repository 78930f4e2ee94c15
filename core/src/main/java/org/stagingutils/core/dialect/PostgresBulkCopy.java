// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

/**
 * Binary {@code COPY ... TO STDOUT} on the source piped into {@code COPY ... FROM STDIN} on the
 * target, buffer by buffer: rows are never decoded in Java.
 */
final class PostgresBulkCopy implements BulkCopy {
  private final PostgresDialect dialect;

  PostgresBulkCopy(PostgresDialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public long copy(
      Connection source, String select, Connection target, String targetTable, List<String> columns)
      throws SQLException {
    String columnList = columns.stream().map(dialect::quote).collect(Collectors.joining(", "));
    CopyOut out =
        source
            .unwrap(PGConnection.class)
            .getCopyAPI()
            .copyOut("COPY (" + select + ") TO STDOUT (FORMAT binary)");
    CopyIn in;
    try {
      in =
          target
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn("COPY " + targetTable + " (" + columnList + ") FROM STDIN (FORMAT binary)");
    } catch (SQLException | RuntimeException e) {
      cancel(out, e);
      throw e;
    }
    try {
      byte[] buffer;
      while ((buffer = out.readFromCopy()) != null) {
        in.writeToCopy(buffer, 0, buffer.length);
      }
      return in.endCopy();
    } catch (SQLException | RuntimeException e) {
      cancel(out, e);
      cancel(in, e);
      throw e;
    }
  }

  private static void cancel(org.postgresql.copy.CopyOperation operation, Exception failure) {
    try {
      if (operation.isActive()) {
        operation.cancelCopy();
      }
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
