// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.stagingutils.core.testdb.DatabaseKind;
import org.stagingutils.core.testdb.TestDatabase;

/**
 * The server's view of other clients' sessions on a PostgreSQL or MariaDB test database: to wait
 * for a killed process's sessions to end, and to kill sessions from the server side.
 */
final class ServerSessions {
  /** Which sessions to list. */
  enum Filter {
    ANY,
    /** inside a transaction that has written something */
    WRITING,
    /**
     * running an INSERT at this moment; unlike WRITING it sees MariaDB sessions that write only
     * temporary tables, which InnoDB's transaction view does not count
     */
    INSERTING
  }

  private ServerSessions() {}

  /** Ids of the other sessions connected to {@code database}. */
  static List<Long> of(TestDatabase database, Filter filter) throws SQLException {
    String sql =
        switch (database.kind()) {
          case POSTGRESQL ->
              "SELECT pid FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()"
                  + switch (filter) {
                    case ANY -> "";
                    case WRITING -> " AND backend_xid IS NOT NULL";
                    case INSERTING -> " AND state = 'active' AND upper(query) LIKE 'INSERT%'";
                  };
          case MARIADB ->
              switch (filter) {
                case ANY ->
                    "SELECT ID FROM information_schema.PROCESSLIST"
                        + " WHERE DB = ? AND ID <> CONNECTION_ID()";
                case WRITING ->
                    "SELECT p.ID FROM information_schema.PROCESSLIST p"
                        + " JOIN information_schema.INNODB_TRX t ON t.trx_mysql_thread_id = p.ID"
                        + " WHERE p.DB = ? AND p.ID <> CONNECTION_ID() AND t.trx_rows_modified > 0";
                case INSERTING ->
                    "SELECT ID FROM information_schema.PROCESSLIST"
                        + " WHERE DB = ? AND ID <> CONNECTION_ID()"
                        + " AND COMMAND = 'Query' AND UPPER(INFO) LIKE 'INSERT%'";
              };
          case H2 -> throw new UnsupportedOperationException("H2 sessions are in-process");
        };
    List<Long> ids = new ArrayList<>();
    try (Connection c = database.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, database.name());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  /** Ends a session from the server side, as a DBA would. */
  static void kill(TestDatabase database, long id) throws SQLException {
    try (Connection c = database.connection();
        Statement s = c.createStatement()) {
      if (database.kind() == DatabaseKind.POSTGRESQL) {
        s.execute("SELECT pg_terminate_backend(" + id + ")");
      } else {
        try {
          s.execute("KILL CONNECTION " + id);
        } catch (SQLException e) {
          if (e.getErrorCode() != 1094) { // unknown thread: it ended on its own
            throw e;
          }
        }
      }
    }
  }

  /**
   * Waits until no other session uses the databases: a killed client's server sessions end only
   * once the server notices the closed socket, and until then they keep their locks.
   */
  static void awaitNone(Duration timeout, TestDatabase... databases)
      throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (TestDatabase database : databases) {
      if (database.kind() == DatabaseKind.H2) {
        continue;
      }
      while (!of(database, Filter.ANY).isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "sessions still open on " + database + ": " + of(database, Filter.ANY));
        }
        Thread.sleep(20);
      }
    }
  }
}
