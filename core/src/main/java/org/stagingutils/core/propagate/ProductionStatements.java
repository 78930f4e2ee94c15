// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.sql.SQLException;
import java.util.List;

/**
 * Where {@link ProductionWriter}'s statements go: to production over JDBC, or into a script file.
 * Both receive the same statements in the same order, so a script does what a run would.
 */
interface ProductionStatements {

  /** A statement with {@code ?} markers, run once per row added. */
  RowStatement prepare(String sql) throws SQLException;

  /** A point where {@code --transaction table} may commit what was written so far. */
  void commitPoint() throws SQLException;

  /** One statement for many rows, sent in batches; rows not flushed before close are dropped. */
  interface RowStatement extends AutoCloseable {
    void add(List<BoundValue> values) throws SQLException;

    /** Sends the rows added so far. */
    void flush() throws SQLException;

    @Override
    void close() throws SQLException;
  }
}
