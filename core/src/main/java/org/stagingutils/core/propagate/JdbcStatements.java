// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Runs the writer's statements on production, batched, values bound. */
final class JdbcStatements implements ProductionStatements {
  private final Connection production;
  private final int batchSize;
  private final TransactionMode mode;

  JdbcStatements(Connection production, int batchSize, TransactionMode mode) {
    this.production = production;
    this.batchSize = batchSize;
    this.mode = mode;
  }

  @Override
  public RowStatement prepare(String sql) throws SQLException {
    PreparedStatement statement = production.prepareStatement(sql);
    return new RowStatement() {
      private int pending;

      @Override
      public void add(List<BoundValue> values) throws SQLException {
        int index = 1;
        for (BoundValue value : values) {
          if (value.keyText()) {
            statement.setString(index++, (String) value.value());
          } else if (value.value() == null) {
            statement.setNull(index++, value.column().jdbcType());
          } else {
            statement.setObject(index++, value.value());
          }
        }
        statement.addBatch();
        if (++pending >= batchSize) {
          flush();
        }
      }

      @Override
      public void flush() throws SQLException {
        if (pending > 0) {
          statement.executeBatch();
          pending = 0;
        }
      }

      @Override
      public void close() throws SQLException {
        statement.close();
      }
    };
  }

  @Override
  public void commitPoint() throws SQLException {
    if (mode == TransactionMode.TABLE) {
      production.commit();
    }
  }
}
