// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import java.util.Locale;
import java.util.regex.Pattern;
import org.stagingutils.core.config.JdbcUrls;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * One line for a command line picocli could not parse, instead of the whole usage help, plus the
 * JSON summary when {@code --format json} was among the arguments.
 */
final class UsageErrorReporter implements IParameterExceptionHandler {
  /** Loose on purpose: it must also catch misspellings such as --staging-pasword. */
  private static final Pattern PASSWORD_LIKE =
      Pattern.compile("(?i)-.*(pass|pasw|pwd|pw|word|secret).*");

  @Override
  public int handleParseException(ParameterException exception, String[] args) {
    CommandLine commandLine = exception.getCommandLine();
    String name = commandLine.getCommandName();
    String message = redact(exception.getMessage(), args) + " (see " + name + " --help)";
    commandLine.getErr().println(name + ": error: " + message);
    commandLine.getErr().flush();
    int exitCode = commandLine.getExitCodeExceptionMapper().getExitCode(exception);
    if (asksForJson(args)) {
      ErrorSummary.of(exitCode, message).print(commandLine.getOut());
    }
    return exitCode;
  }

  /** The parse failed, so the options object cannot be trusted: look at the raw arguments. */
  static boolean asksForJson(String[] args) {
    String previous = "";
    for (String arg : args) {
      String lower = arg.toLowerCase(Locale.ROOT);
      if (lower.equals("--format=json") || (previous.equals("--format") && lower.equals("json"))) {
        return true;
      }
      previous = arg;
    }
    return false;
  }

  /**
   * picocli quotes offending arguments, and a mistyped {@code --staging-password=PW} would put the
   * password on stderr: mask every value that follows something password-like.
   */
  static String redact(String message, String[] args) {
    String redacted = JdbcUrls.redact(message);
    String previous = "";
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (equals > 0 && looksLikePassword(arg.substring(0, equals))) {
        redacted = redacted.replace(arg.substring(equals + 1), "***");
      } else if (looksLikePassword(previous) && !arg.isEmpty()) {
        redacted = redacted.replace(arg, "***");
      }
      previous = arg;
    }
    return redacted;
  }

  private static boolean looksLikePassword(String option) {
    return PASSWORD_LIKE.matcher(option).matches();
  }
}
