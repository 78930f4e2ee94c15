// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.QueryPart;
import org.jooq.impl.DSL;
import org.postgresql.util.PGobject;
import org.stagingutils.core.dialect.Dialect;

/**
 * {@code --script-file}: writes the writer's statements with their values rendered by jOOQ as
 * literals of the dialect (quotes, binary, dates and NULL rendered safely), in the order a run
 * sends them. The whole script is one transaction, whatever {@code --transaction} says.
 */
final class ScriptStatements implements ProductionStatements {
  private final Writer out;
  private final Dialect dialect;
  private final DSLContext sql;
  private final int batchSize;

  ScriptStatements(Writer out, Dialect dialect, int batchSize) {
    this.out = out;
    this.dialect = dialect;
    this.sql = dialect.scriptSql();
    this.batchSize = batchSize;
  }

  /** Session settings and the start of the transaction. */
  void begin() {
    dialect.scriptSessionSql().forEach(this::write);
    write(sql.render(DSL.startTransaction()));
  }

  void commit() {
    write(sql.render(DSL.commit()));
  }

  @Override
  public RowStatement prepare(String template) {
    return new RowStatement() {
      // Buffered as a run batches them, so the script keeps a run's order of statements.
      private final List<String> pending = new ArrayList<>();

      @Override
      public void add(List<BoundValue> values) {
        QueryPart[] literals =
            values.stream().map(ScriptStatements::literal).toArray(QueryPart[]::new);
        pending.add(sql.renderInlined(DSL.query(template, (Object[]) literals)));
        if (pending.size() >= batchSize) {
          flush();
        }
      }

      @Override
      public void flush() {
        pending.forEach(ScriptStatements.this::write);
        pending.clear();
      }

      @Override
      public void close() {
        pending.clear();
      }
    };
  }

  @Override
  public void commitPoint() {
    // One transaction: a script that stops half-way leaves production as it was.
  }

  private void write(String statement) {
    try {
      out.write(dialect.scriptStatement(statement));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value as the literal jOOQ renders for it, from what the driver returned. */
  static QueryPart literal(BoundValue bound) {
    Object value = bound.value();
    try {
      if (value instanceof Blob blob) {
        value = blob.getBytes(1, Math.toIntExact(blob.length()));
      } else if (value instanceof Clob clob) {
        value = clob.getSubString(1, Math.toIntExact(clob.length()));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read a large value of " + bound.column(), e);
    }
    if (value instanceof PGobject object) {
      value = object.getValue(); // json, jsonb...: their text, which the column converts back
    } else if (value instanceof Timestamp timestamp
        && bound.column().typeName().equalsIgnoreCase("timestamptz")) {
      value = timestamp.toInstant().atOffset(ZoneOffset.UTC); // the instant, not a local time
    }
    return DSL.inline(value);
  }
}
