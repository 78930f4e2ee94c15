// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.prop;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagingutils.core.cli.PropagationSummary;
import org.stagingutils.core.cli.Settings;
import org.stagingutils.core.cli.StagingCommand;
import org.stagingutils.core.cli.TimestampConverter;
import org.stagingutils.core.propagate.ConflictPolicy;
import org.stagingutils.core.propagate.PropagationRequest;
import org.stagingutils.core.propagate.StagingPropagation;
import org.stagingutils.core.propagate.TransactionMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** stagingprop: maps its options to a {@link PropagationRequest} and runs the propagation. */
@Command(
    name = "stagingprop",
    description = "Propagates the unprocessed changes captured in staging to production.")
public final class PropCommand extends StagingCommand {
  private static final Logger LOG = LoggerFactory.getLogger(PropCommand.class);

  @Option(
      names = "--on-conflict",
      paramLabel = "fail|overwrite|skip",
      description =
          "What to do when production changed under a pending change (default: fail, refuse and list conflicts).")
  ConflictPolicy onConflict;

  @Option(
      names = "--transaction",
      paramLabel = "one|table",
      description = "one: all or nothing (default); table: commit table by table.")
  TransactionMode transaction;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      description = "Rows per batch (default: " + PropagationRequest.DEFAULT_BATCH_SIZE + ").")
  Integer batchSize;

  @Option(
      names = "--dry-run",
      description =
          "Print the plan (the rows to write, at most 100 per table) and the conflicts;"
              + " change nothing.")
  boolean dryRun;

  @Option(
      names = "--script-file",
      paramLabel = "FILE",
      description =
          "Write the SQL a run would execute on production to FILE, as one transaction, instead"
              + " of running it; change nothing.")
  Path scriptFile;

  @Option(
      names = "--before",
      paramLabel = "TIMESTAMP",
      converter = TimestampConverter.class,
      description =
          "Propagate only changes captured before this ISO-8601 time, e.g. 2024-05-01T22:00:00Z.")
  Instant before;

  @Option(
      names = "--retain-days",
      paramLabel = "N",
      description =
          "Prune processed change-log rows older than N days after a successful run (default: "
              + PropagationRequest.DEFAULT_RETAIN_DAYS
              + ").")
  Integer retainDays;

  @Option(
      names = "--change-set",
      paramLabel = "NAME",
      description = "Propagate only this change set; repeatable.")
  List<String> changeSets = new ArrayList<>();

  @Option(
      names = "--with-prerequisites",
      description = "Also propagate the pending changes the change sets depend on.")
  boolean withPrerequisites;

  @Option(
      names = "--lock-timeout",
      paramLabel = "SECONDS",
      description =
          "Fail (exit 3, nothing half-done) when a production row stays locked by another"
              + " transaction longer than this (default: "
              + PropagationRequest.DEFAULT_LOCK_TIMEOUT_SECONDS
              + ").")
  Integer lockTimeout;

  @Override
  protected int run(Settings settings) {
    PropagationRequest request =
        new PropagationRequest(
            settings.stagingConfig(),
            tables(settings),
            settings.choice("on-conflict", onConflict, ConflictPolicy.class, ConflictPolicy.FAIL),
            settings.choice("transaction", transaction, TransactionMode.class, TransactionMode.ONE),
            settings.integer("batch-size", batchSize, PropagationRequest.DEFAULT_BATCH_SIZE, 1),
            dryRun,
            Optional.ofNullable(scriptFile),
            Optional.ofNullable(before),
            settings.integer("retain-days", retainDays, PropagationRequest.DEFAULT_RETAIN_DAYS, 0),
            changeSets,
            withPrerequisites,
            Duration.ofSeconds(
                settings.integer(
                    "lock-timeout",
                    lockTimeout,
                    PropagationRequest.DEFAULT_LOCK_TIMEOUT_SECONDS,
                    1)));
    LOG.debug("{}", request);
    return propagate(request);
  }

  /** Where the propagation engine plugs in: run, render the result, return the exit code. */
  private int propagate(PropagationRequest request) {
    return print(PropagationSummary.of(new StagingPropagation(progress()).propagate(request)));
  }
}
