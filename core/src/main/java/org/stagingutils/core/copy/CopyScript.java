// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.copy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.impl.DSL;
import org.postgresql.util.PGobject;
import org.stagingutils.core.api.ErrorCategory;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.capture.CaptureInstaller;
import org.stagingutils.core.connect.Database;
import org.stagingutils.core.control.ControlTables;
import org.stagingutils.core.dialect.Dialect;
import org.stagingutils.core.metadata.Column;
import org.stagingutils.core.metadata.StagedSchema;

/**
 * {@code --script-file}: writes the statements of a copy, with production's rows inlined as
 * literals, instead of running them. Staging is not changed; rows are streamed to the file.
 */
final class CopyScript {
  private final Database production;
  private final Database staging;
  private final StagedSchema schema;
  private final CopyRequest request;
  private final Dialect dialect;

  CopyScript(Database production, Database staging, StagedSchema schema, CopyRequest request) {
    this.production = production;
    this.staging = staging;
    this.schema = schema;
    this.request = request;
    this.dialect = staging.dialect();
  }

  CopyResult write(long start) {
    Path file = request.scriptFile().orElseThrow();
    List<TableMerge> merges = CopyTransaction.plan(dialect, schema);
    List<TableCopy> copies = new ArrayList<>();
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        Connection source = production.connection()) {
      Snapshot.begin(source);
      out.write("-- stagingcopy: makes the staged tables of the staging database equal to\n");
      out.write("-- production's rows as read when this script was written. It expects the\n");
      out.write("-- suite's control tables (STAGLOG...) in staging: stagingcopy installs them.\n");
      ControlTables control = staging.controlTables();
      for (TableMerge merge : merges) {
        for (String sql : new CaptureInstaller(dialect, control).installScript(merge.table())) {
          out.write(dialect.scriptStatement(sql));
        }
      }
      out.write(dialect.scriptStatement(dialect.sql().render(DSL.startTransaction())));
      out.write(dialect.scriptStatement(dialect.captureSwitchSql(false)));
      writeAll(out, dialect.relaxForeignKeysSql());
      for (TableMerge merge : merges) {
        long tableStart = System.nanoTime();
        writeAll(out, merge.createShadow());
        long rows = writeRows(out, source, merge);
        writeAll(out, merge.analyzeShadow());
        copies.add(new TableCopy(merge.name(), rows, StagingCopy.since(tableStart)));
      }
      merges.forEach(m -> writeAll(out, m.updateAndInsert()));
      merges.forEach(m -> writeAll(out, m.restoreDeferred()));
      merges.forEach(m -> writeAll(out, m.detachMissing()));
      for (int i = merges.size() - 1; i >= 0; i--) {
        writeAll(out, merges.get(i).deleteMissing());
      }
      merges.forEach(m -> writeAll(out, m.dropShadow()));
      out.write(
          dialect.scriptStatement(
              "DELETE FROM "
                  + control.qualified(ControlTables.CHANGE_LOG)
                  + " WHERE "
                  + control.column("STGTABLE")
                  + " IN ("
                  + merges.stream()
                      .map(m -> dialect.literal(m.name()))
                      .collect(Collectors.joining(", "))
                  + ")"));
      writeAll(out, dialect.restoreForeignKeysSql());
      out.write(dialect.scriptStatement(dialect.captureSwitchSql(true)));
      out.write(dialect.scriptStatement(dialect.sql().render(DSL.commit())));
      source.commit();
    } catch (IOException | UncheckedIOException e) {
      throw new StagingException(
          ErrorCategory.CONFIGURATION, "cannot write the script file " + file + ": " + e, e);
    } catch (SQLException e) {
      throw StagingException.database("cannot read the production database", e);
    }
    return new CopyResult(0, copies, StagingCopy.total(copies), false, StagingCopy.since(start));
  }

  private long writeRows(BufferedWriter out, Connection source, TableMerge merge)
      throws IOException {
    List<Column> columns = merge.table().columns();
    String insert =
        "INSERT INTO "
            + merge.shadowTable()
            + " ("
            + merge.columns().stream().map(dialect::quote).collect(Collectors.joining(", "))
            + ") VALUES (";
    try (PreparedStatement query =
        source.prepareStatement(
            merge.selectProduction(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      query.setFetchSize(request.batchSize());
      long rows = 0;
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          StringBuilder sql = new StringBuilder(insert);
          for (int i = 1; i <= columns.size(); i++) {
            sql.append(i > 1 ? ", " : "").append(literal(rs, i, columns.get(i - 1)));
          }
          out.write(dialect.scriptStatement(sql.append(')').toString()));
          rows++;
        }
      }
      return rows;
    } catch (SQLException e) {
      throw StagingException.database(
          "cannot copy table " + merge.name() + " (reading production's rows)", e);
    }
  }

  private String literal(ResultSet rs, int index, Column column) throws SQLException {
    Object value =
        column.typeName().equalsIgnoreCase("timestamptz")
            ? rs.getObject(index, OffsetDateTime.class)
            : dialect.readValue(rs, index, column);
    if (value instanceof Blob blob) {
      value = blob.getBytes(1, Math.toIntExact(blob.length()));
    } else if (value instanceof Clob clob) {
      value = clob.getSubString(1, Math.toIntExact(clob.length()));
    } else if (value instanceof PGobject object) {
      value = object.getValue();
    }
    return dialect.sql().renderInlined(DSL.inline(value));
  }

  private void writeAll(BufferedWriter out, List<String> statements) {
    try {
      for (String sql : statements) {
        out.write(dialect.scriptStatement(sql));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
