// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.control;

import java.sql.Connection;
import java.sql.SQLException;
import org.stagingutils.core.api.ErrorCategory;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.connect.Database;
import org.stagingutils.core.dialect.RunLock;

/**
 * Takes the run lock of a staging database on a connection of its own, held until closed. A second
 * run fails at once instead of waiting behind the first.
 */
public final class RunLocks implements AutoCloseable {
  private final Connection connection;
  private final RunLock lock;

  private RunLocks(Connection connection, RunLock lock) {
    this.connection = connection;
    this.lock = lock;
  }

  public static RunLocks acquire(Database staging) {
    Connection connection = staging.connection();
    try {
      var lock =
          staging
              .dialect()
              .tryRunLock(connection, staging.controlTables().table(ControlTables.LOCK));
      if (lock.isEmpty()) {
        connection.close();
        throw new StagingException(
            ErrorCategory.LOCKED,
            "another stagingcopy, stagingprop or stagingcheck run holds the lock on the staging"
                + " database "
                + staging
                + ": wait for it to finish");
      }
      return new RunLocks(connection, lock.get());
    } catch (SQLException e) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the lock failure is what the user needs to see
      }
      throw StagingException.database("cannot take the run lock on the staging database", e);
    }
  }

  @Override
  public void close() {
    try (connection) {
      lock.close();
    } catch (SQLException e) {
      // closing the connection releases the lock anyway
    }
  }
}
