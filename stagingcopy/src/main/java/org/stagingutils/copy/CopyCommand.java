// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.copy;

import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagingutils.core.cli.CopySummary;
import org.stagingutils.core.cli.Settings;
import org.stagingutils.core.cli.StagingCommand;
import org.stagingutils.core.copy.CopyRequest;
import org.stagingutils.core.copy.StagingCopy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** stagingcopy: maps its options to a {@link CopyRequest} and runs the copy. */
@Command(
    name = "stagingcopy",
    description = {
      "Starts a staging session: replaces the staged tables' rows in staging with production's,",
      "installs the change capture and empties the change log for the copied tables."
    })
public final class CopyCommand extends StagingCommand {
  private static final Logger LOG = LoggerFactory.getLogger(CopyCommand.class);

  @Option(
      names = "--dry-run",
      description = "Print what would be copied (tables, row counts); change nothing.")
  boolean dryRun;

  @Option(
      names = "--force",
      description = "Discard unpropagated staging changes instead of refusing.")
  boolean force;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      description =
          "Rows per batch (default: "
              + CopyRequest.DEFAULT_BATCH_SIZE
              + "; config key batch-size).")
  Integer batchSize;

  @Option(
      names = "--script-file",
      paramLabel = "FILE",
      description = "Write the SQL of the operation to FILE instead of running it.")
  Path scriptFile;

  @Override
  protected int run(Settings settings) {
    CopyRequest request =
        new CopyRequest(
            settings.stagingConfig(),
            tables(settings),
            dryRun,
            force,
            settings.integer("batch-size", batchSize, CopyRequest.DEFAULT_BATCH_SIZE, 1),
            Optional.ofNullable(scriptFile));
    LOG.debug("{}", request);
    return copy(request);
  }

  /** Where the copy engine plugs in: run the request, render its result, return the exit code. */
  private int copy(CopyRequest request) {
    return print(CopySummary.of(new StagingCopy(progress()).copy(request)));
  }
}
