// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Writes the baseline of pair 2: what a DBA who knew exactly which rows changed would run in
 * production, one statement per changed row with the values inlined (parents inserted first,
 * deletes last, as the edits are ordered). jOOQ renders the literals of each dialect.
 */
final class MinimalSqlWriter {
  private final BenchDialect dialect;
  private final DSLContext render;

  MinimalSqlWriter(BenchDialect dialect) {
    this.dialect = dialect;
    this.render =
        DSL.using(
            dialect.jooqDialect(),
            new Settings()
                .withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withRenderFormatted(false));
  }

  /**
   * Reads inserted and updated rows from staging, deleted keys from production's saved copies.
   *
   * @return the number of statements written
   */
  long write(Path file, List<Edit> edits, Connection staging, Connection production)
      throws IOException {
    long statements = 0;
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writer.write(dialect.scriptPrologue());
      for (Edit edit : edits) {
        Table<?> table = DSL.table(DSL.unquotedName(edit.table()));
        List<String> key = Catalog.KEYS.get(edit.table());
        String from = edit.kind() == Edit.Kind.DELETE ? edit.savedTable() : edit.table();
        String select =
            "SELECT * FROM "
                + from
                + (edit.kind() == Edit.Kind.DELETE ? "" : " WHERE " + edit.rows());
        Connection source = edit.kind() == Edit.Kind.DELETE ? production : staging;
        try (Cursor<Record> rows =
            DSL.using(source, dialect.jooqDialect()).resultQuery(select).fetchLazy()) {
          for (Record row : rows) {
            writer.write(statement(edit.kind(), table, key, row));
            writer.write(";\n");
            statements++;
          }
        }
      }
      writer.write(dialect.scriptEpilogue());
    }
    return statements;
  }

  private String statement(Edit.Kind kind, Table<?> table, List<String> key, Record row) {
    List<Condition> keyEquals = new ArrayList<>();
    Map<Field<?>, Object> values = new HashMap<>();
    List<Field<?>> columns = new ArrayList<>();
    for (Field<?> field : row.fields()) {
      Field<Object> column = DSL.field(DSL.unquotedName(field.getName()));
      columns.add(column);
      if (key.stream().anyMatch(field.getName()::equalsIgnoreCase)) {
        keyEquals.add(column.eq(row.get(field)));
      } else {
        values.put(column, row.get(field));
      }
    }
    return switch (kind) {
      case INSERT -> render.renderInlined(render.insertInto(table, columns).values(row.intoList()));
      case UPDATE -> render.renderInlined(render.update(table).set(values).where(keyEquals));
      case DELETE -> render.renderInlined(render.deleteFrom(table).where(keyEquals));
    };
  }
}
