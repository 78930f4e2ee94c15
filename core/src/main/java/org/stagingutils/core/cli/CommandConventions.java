// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import picocli.CommandLine;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Installs the suite's error handling on every {@code CommandLine} built for a {@link
 * StagingCommand}, so that {@code Main} and the tests' {@code new CommandLine(command)} behave the
 * same. picocli applies model transformers once the CommandLine exists.
 */
public final class CommandConventions implements IModelTransformer {

  @Override
  public CommandSpec transform(CommandSpec spec) {
    CommandLine commandLine = spec.commandLine();
    if (commandLine != null) {
      commandLine
          .setExitCodeExceptionMapper(new ExitCodes())
          .setExecutionExceptionHandler(new ErrorReporter())
          .setParameterExceptionHandler(new UsageErrorReporter())
          .setCaseInsensitiveEnumValuesAllowed(true);
    }
    return spec;
  }
}
