// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.copy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.stagingutils.core.config.StagingConfig;

/**
 * What {@code stagingcopy} was asked to do.
 *
 * @param tables the staged tables to copy, as written in the config file
 * @param force discard unpropagated staging changes instead of refusing
 * @param scriptFile write the SQL there instead of running it
 */
public record CopyRequest(
    StagingConfig config,
    List<String> tables,
    boolean dryRun,
    boolean force,
    int batchSize,
    Optional<Path> scriptFile) {
  public static final int DEFAULT_BATCH_SIZE = 1000;

  public CopyRequest {
    tables = List.copyOf(tables);
  }
}
