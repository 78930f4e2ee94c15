// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A database's own fast path for moving a table's rows from one database to another of the same
 * product (PostgreSQL: binary {@code COPY}), streamed so memory stays flat whatever the size.
 */
public interface BulkCopy {

  /**
   * Streams the rows of {@code select}, run on {@code source}, into {@code columns} of {@code
   * targetTable} on {@code target}; both connections stay in their current transactions.
   *
   * @param targetTable quoted, possibly qualified name of the table to fill
   * @return the number of rows copied
   */
  long copy(
      Connection source, String select, Connection target, String targetTable, List<String> columns)
      throws SQLException;
}
