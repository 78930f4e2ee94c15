// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.copy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.capture.CaptureInstaller;
import org.stagingutils.core.capture.StagingUpgrade;
import org.stagingutils.core.config.StagingConfig;
import org.stagingutils.core.connect.Database;
import org.stagingutils.core.connect.DatabaseOpener;
import org.stagingutils.core.control.RunLocks;
import org.stagingutils.core.metadata.StagedSchema;
import org.stagingutils.core.metadata.TableMetadata;
import org.stagingutils.core.progress.ProgressListener;

/**
 * The {@code stagingcopy} engine: starts a staging session by making the staged tables in staging
 * equal to production, in one staging transaction fed from one production snapshot, with capture
 * installed on every copied table and their change log emptied. Returns data; never prints.
 */
public final class StagingCopy {
  private final ProgressListener progress;

  public StagingCopy() {
    this(ProgressListener.NONE);
  }

  /** A copy that reports each table's rows to {@code progress} as it goes. */
  public StagingCopy(ProgressListener progress) {
    this.progress = progress;
  }

  public CopyResult copy(CopyRequest request) {
    long start = System.nanoTime();
    if (request.tables().isEmpty()) {
      throw StagingException.configuration(
          "no staged tables to copy: declare them in the config file as scope.NAME=TABLE,...");
    }
    if (request.batchSize() < 1) {
      throw StagingException.configuration(
          "--batch-size must be at least 1, not " + request.batchSize());
    }
    StagingConfig config = request.config();
    try (Database production = DatabaseOpener.open(config.production());
        Database staging = DatabaseOpener.open(config.staging())) {
      StagedSchema schema = StagedSchema.load(staging, production, request.tables());
      List<TableMetadata> tables = schema.graph().parentsFirst();
      if (request.dryRun() || request.scriptFile().isPresent()) {
        StagingUpgrade.requireCurrentIfInstalled(staging);
      }
      if (request.dryRun()) {
        PendingChanges.refuseUnlessForced(staging, tables, request.force());
        return countProduction(production, schema, start);
      }
      if (request.scriptFile().isPresent()) {
        PendingChanges.refuseUnlessForced(staging, tables, request.force());
        return new CopyScript(production, staging, schema, request).write(start);
      }
      StagingUpgrade.ensureCurrent(staging);
      try (RunLocks lock = RunLocks.acquire(staging)) {
        PendingChanges.refuseUnlessForced(staging, tables, request.force());
        installCapture(staging, tables);
        return new CopyTransaction(production, staging, schema, request.batchSize(), progress)
            .run(scopeName(config, request.tables()), start);
      }
    }
  }

  /** Capture first: DDL commits on MariaDB and H2, so it cannot join the data transaction. */
  private static void installCapture(Database staging, List<TableMetadata> tables) {
    CaptureInstaller installer = new CaptureInstaller(staging.dialect(), staging.controlTables());
    try (Connection connection = staging.connection()) {
      for (TableMetadata table : tables) {
        installer.install(connection, table);
      }
    } catch (SQLException e) {
      throw StagingException.database("cannot install the capture triggers", e);
    }
  }

  private static CopyResult countProduction(Database production, StagedSchema schema, long start) {
    List<TableCopy> counts = new ArrayList<>();
    try (Connection connection = production.connection()) {
      Snapshot.begin(connection);
      try (Statement statement = connection.createStatement()) {
        for (TableMetadata table : schema.graph().parentsFirst()) {
          long tableStart = System.nanoTime();
          String sql =
              "SELECT COUNT(*) FROM "
                  + production.dialect().qualify(schema.productionTable(table).name());
          try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            counts.add(new TableCopy(table.name().name(), rs.getLong(1), since(tableStart)));
          } catch (SQLException e) {
            throw StagingException.database("cannot count the rows of table " + table.name(), e);
          }
        }
      }
      connection.commit();
    } catch (SQLException e) {
      throw StagingException.database("cannot read the production database", e);
    }
    return new CopyResult(0, counts, total(counts), true, since(start));
  }

  /** The scope the copied tables make up, for the session record: a declared one, else "tables". */
  static String scopeName(StagingConfig config, List<String> tables) {
    Set<String> copied = new LinkedHashSet<>(tables);
    Set<String> all = new LinkedHashSet<>();
    for (Map.Entry<String, List<String>> scope : config.scopes().entrySet()) {
      all.addAll(scope.getValue());
      if (copied.equals(new LinkedHashSet<>(scope.getValue()))) {
        return scope.getKey();
      }
    }
    return copied.equals(all) ? "all" : "tables";
  }

  static long total(List<TableCopy> tables) {
    return tables.stream().mapToLong(TableCopy::rows).sum();
  }

  static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
