// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.copy;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Puts a production connection into one read-only REPEATABLE READ transaction: PostgreSQL and
 * InnoDB then answer every table from the same snapshot, so the copy is consistent across tables.
 */
final class Snapshot {
  private Snapshot() {}

  static void begin(Connection connection) throws SQLException {
    connection.setAutoCommit(false);
    connection.setReadOnly(true);
    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
  }
}
