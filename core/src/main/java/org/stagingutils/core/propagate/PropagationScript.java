// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.stagingutils.core.api.ErrorCategory;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.dialect.Dialect;
import org.stagingutils.core.metadata.StagedSchema;
import org.stagingutils.core.metadata.TableMetadata;

/**
 * {@code stagingprop --script-file}: the statements a run would send to production, in its order,
 * as one transaction, with staging's values as literals. Nothing is changed: production is not
 * written, and the change log stays pending, so the next stagingprop run after the script ran finds
 * production as staging wants it and only marks the changes processed.
 */
final class PropagationScript {
  private final Dialect dialect;
  private final StagedSchema schema;
  private final int batchSize;

  PropagationScript(Dialect dialect, StagedSchema schema, int batchSize) {
    this.dialect = dialect;
    this.schema = schema;
    this.batchSize = batchSize;
  }

  void write(Path file, Map<TableMetadata, TablePlan> plans, Connection snapshot)
      throws SQLException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("-- stagingprop: applies the pending staging changes to production, as read\n");
      out.write("-- when this script was written, in one transaction. Run it on production;\n");
      out.write("-- the next stagingprop run then only marks the changes processed.\n");
      ScriptStatements statements = new ScriptStatements(out, dialect, batchSize);
      statements.begin();
      new ProductionWriter(dialect, schema, batchSize).write(plans, snapshot, statements);
      statements.commit();
    } catch (IOException | UncheckedIOException e) {
      throw new StagingException(
          ErrorCategory.CONFIGURATION,
          "cannot write the script file " + file + ": " + e.getMessage(),
          e);
    }
  }
}
