// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.stagingutils.core.progress.ProgressBar;
import org.stagingutils.core.progress.ProgressListener;

/**
 * Whether a run draws a progress bar: only when stderr is a terminal a person watches, and neither
 * {@code -q} (asked for silence) nor {@code -v} (whose log lines would tear the bar apart) is
 * given. Cron jobs, pipes and log files therefore never see carriage returns.
 */
final class ProgressDisplay {
  private static final int DEFAULT_COLUMNS = 80;

  private ProgressDisplay() {}

  static ProgressListener choose(
      boolean quiet,
      boolean verbose,
      boolean stderrIsTerminal,
      Map<String, String> environment,
      PrintStream stderr) {
    if (quiet || verbose || !stderrIsTerminal || "dumb".equals(environment.get("TERM"))) {
      return ProgressListener.NONE;
    }
    return new ProgressBar(stderr, columns(environment), System::nanoTime);
  }

  /**
   * Java cannot ask whether one stream is a terminal; on Linux /proc tells where file descriptor 2
   * leads. Elsewhere a console (stdin and stdout on a terminal) is the best available sign.
   */
  static boolean stderrIsTerminal() {
    Path stderr = Path.of("/proc/self/fd/2");
    try {
      String target = Files.readSymbolicLink(stderr).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  /** Shells set COLUMNS for themselves but rarely export it; 80 is the safe guess. */
  static int columns(Map<String, String> environment) {
    try {
      return Integer.parseInt(environment.getOrDefault("COLUMNS", "").trim());
    } catch (NumberFormatException e) {
      return DEFAULT_COLUMNS;
    }
  }
}
