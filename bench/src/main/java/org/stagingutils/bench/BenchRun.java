// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the workloads on each server in the order their states allow: copy starts the session,
 * propagation and check run on the pending edits, consolidation on a propagated session, and
 * capture last because its updates are left pending.
 */
final class BenchRun {
  private static final Logger LOG = LoggerFactory.getLogger(BenchRun.class);

  private final Path repository;
  private final double scale;
  private final Set<BenchCommand.Workload> workloads;
  private final Repeater repeater;
  private final String heap;
  private final int captureSeconds;
  private final boolean flightRecorder;

  BenchRun(
      Path repository,
      double scale,
      Set<BenchCommand.Workload> workloads,
      Repeater repeater,
      String heap,
      int captureSeconds,
      boolean flightRecorder) {
    this.repository = repository;
    this.scale = scale;
    this.workloads = workloads;
    this.repeater = repeater;
    this.heap = heap;
    this.captureSeconds = captureSeconds;
    this.flightRecorder = flightRecorder;
  }

  Results run(List<BenchDialect> dialects) throws SQLException, IOException {
    long pid = ProcessHandle.current().pid();
    Path workDir = Files.createDirectories(repository.resolve("bench/target/bench-" + pid));
    LOG.info("work directory (process logs, generated SQL, recordings): {}", workDir);
    Results results = new Results();
    Catalog catalog = Catalog.atScale(scale);
    for (BenchDialect dialect : dialects) {
      String prefix = "bench_" + pid + "_" + dialect.resourceFolder();
      try (BenchDatabases databases = new BenchDatabases(dialect, prefix)) {
        databases.create(catalog);
        results.recordServer(
            dialect.displayName(),
            databases.serverVersion(),
            databases.countRows(databases.productionConnection()));
        ProcessRunner runner = new ProcessRunner(workDir);
        UtilityLauncher utilities =
            new UtilityLauncher(
                repository, runner, dialect, databases, results, heap, flightRecorder);
        BenchContext context =
            new BenchContext(
                dialect,
                databases,
                catalog,
                runner,
                utilities,
                repeater,
                results,
                scale,
                captureSeconds);
        runWorkloads(context);
      }
    }
    return results;
  }

  private void runWorkloads(BenchContext context) throws SQLException, IOException {
    try {
      // every later workload needs the session stagingcopy starts, measured or not
      if (workloads.contains(BenchCommand.Workload.copy)) {
        CopyBenchmark.run(context);
      } else {
        context.utilities().run("stagingcopy", "copy");
      }
      verifyCopied(context);
      if (workloads.contains(BenchCommand.Workload.prop)) {
        new PropagationBenchmark(context).run();
      }
      if (workloads.contains(BenchCommand.Workload.consolidation)) {
        new ConsolidationBenchmark(context).run();
      }
    } catch (BenchException e) {
      // the session's state is unknown now: skip what depends on it, report, and go on
      LOG.error("{}: {}", context.dialect().displayName(), e.getMessage());
      context
          .results()
          .recordFailure(context.dialect().displayName(), "copy/propagation", e.getMessage());
    }
    if (workloads.contains(BenchCommand.Workload.capture)) {
      try {
        CaptureBenchmark.run(context);
      } catch (BenchException e) {
        LOG.error("{}: {}", context.dialect().displayName(), e.getMessage());
        context.results().recordFailure(context.dialect().displayName(), "capture", e.getMessage());
      }
    }
  }

  private static void verifyCopied(BenchContext context) throws SQLException {
    BenchDatabases databases = context.databases();
    long production = databases.countRows(databases.productionConnection());
    long staging = databases.countRows(databases.stagingConnection());
    if (production != staging) {
      throw new BenchException(
          "after stagingcopy staging holds " + staging + " rows, production " + production);
    }
  }
}
