// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.stagingutils.core.config.StagingConfig;

/**
 * What {@code stagingprop} was asked to do.
 *
 * @param tables the staged tables whose changes to propagate, as written in the config file
 * @param before propagate only changes captured before this instant
 * @param retainDays processed change-log rows older than this are pruned after a successful run
 * @param changeSets only these change sets; empty: everything pending
 * @param withPrerequisites also propagate the unpropagated changes the change sets depend on
 * @param lockTimeout how long a production write may wait for a lock another transaction holds
 */
public record PropagationRequest(
    StagingConfig config,
    List<String> tables,
    ConflictPolicy onConflict,
    TransactionMode transaction,
    int batchSize,
    boolean dryRun,
    Optional<Path> scriptFile,
    Optional<Instant> before,
    int retainDays,
    List<String> changeSets,
    boolean withPrerequisites,
    Duration lockTimeout) {
  public static final int DEFAULT_BATCH_SIZE = 1000;
  public static final int DEFAULT_RETAIN_DAYS = 30;
  public static final int DEFAULT_LOCK_TIMEOUT_SECONDS = 60;
  public static final Duration DEFAULT_LOCK_TIMEOUT =
      Duration.ofSeconds(DEFAULT_LOCK_TIMEOUT_SECONDS);

  public PropagationRequest {
    tables = List.copyOf(tables);
    changeSets = List.copyOf(changeSets);
    lockTimeout = lockTimeout == null ? DEFAULT_LOCK_TIMEOUT : lockTimeout;
  }

  /** A request with the default lock timeout. */
  public PropagationRequest(
      StagingConfig config,
      List<String> tables,
      ConflictPolicy onConflict,
      TransactionMode transaction,
      int batchSize,
      boolean dryRun,
      Optional<Path> scriptFile,
      Optional<Instant> before,
      int retainDays,
      List<String> changeSets,
      boolean withPrerequisites) {
    this(
        config,
        tables,
        onConflict,
        transaction,
        batchSize,
        dryRun,
        scriptFile,
        before,
        retainDays,
        changeSets,
        withPrerequisites,
        DEFAULT_LOCK_TIMEOUT);
  }
}
