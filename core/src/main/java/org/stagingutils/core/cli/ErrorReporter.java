// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.config.JdbcUrls;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed run into one line on stderr (the stack trace only with {@code -v}) and, with
 * {@code --format json}, the error summary on stdout.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    int exitCode = commandLine.getExitCodeExceptionMapper().getExitCode(exception);
    String message = JdbcUrls.redact(message(exception));
    boolean verbose = false;
    OutputFormat format = OutputFormat.TEXT;
    if (commandLine.getCommand() instanceof StagingCommand command) {
      verbose = command.verbose();
      format = command.outputFormat();
    }
    commandLine.getErr().println(commandLine.getCommandName() + ": error: " + message);
    if (verbose) {
      exception.printStackTrace(commandLine.getErr());
    }
    commandLine.getErr().flush();
    if (format == OutputFormat.JSON) {
      ErrorSummary.of(exitCode, message).print(commandLine.getOut());
    }
    return exitCode;
  }

  /** Our own exceptions speak to the user; anything else is a bug worth naming precisely. */
  private static String message(Exception exception) {
    if (exception instanceof StagingException && exception.getMessage() != null) {
      return exception.getMessage();
    }
    return "unexpected " + exception + " (run with -v for the stack trace)";
  }
}
