// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import org.slf4j.event.Level;
import picocli.CommandLine.Option;

/** How much is logged on stderr. */
public final class VerbosityOptions {
  @Option(
      names = {"-q", "--quiet"},
      description = "Log only warnings and errors.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "Log debugging detail and show stack traces of errors.")
  boolean verbose;

  /** {@code -v} wins over {@code -q}: someone asking for detail wants to see it. */
  public Level level() {
    if (verbose) {
      return Level.DEBUG;
    }
    return quiet ? Level.WARN : Level.INFO;
  }

  public boolean verbose() {
    return verbose;
  }

  public boolean quiet() {
    return quiet;
  }
}
