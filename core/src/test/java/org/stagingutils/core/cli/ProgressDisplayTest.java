// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stagingutils.core.progress.ProgressBar;
import org.stagingutils.core.progress.ProgressListener;

class ProgressDisplayTest {
  private final PrintStream stderr =
      new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

  @Test
  void aTerminalGetsABar() {
    ProgressListener progress =
        ProgressDisplay.choose(false, false, true, Map.of("TERM", "xterm"), stderr);

    assertThat(progress).isInstanceOf(ProgressBar.class);
    assertThat(progress.active()).isTrue();
  }

  @Test
  void pipesFilesAndCronGetNothing() {
    assertThat(ProgressDisplay.choose(false, false, false, Map.of(), stderr))
        .isSameAs(ProgressListener.NONE);
    assertThat(ProgressListener.NONE.active()).isFalse();
  }

  @Test
  void quietAndVerboseRunsGetNothing() {
    assertThat(ProgressDisplay.choose(true, false, true, Map.of(), stderr))
        .isSameAs(ProgressListener.NONE);
    assertThat(ProgressDisplay.choose(false, true, true, Map.of(), stderr))
        .isSameAs(ProgressListener.NONE);
  }

  @Test
  void aDumbTerminalGetsNothing() {
    assertThat(ProgressDisplay.choose(false, false, true, Map.of("TERM", "dumb"), stderr))
        .isSameAs(ProgressListener.NONE);
  }

  @Test
  void widthComesFromColumnsWhenExported() {
    assertThat(ProgressDisplay.columns(Map.of("COLUMNS", "132"))).isEqualTo(132);
    assertThat(ProgressDisplay.columns(Map.of("COLUMNS", "wide"))).isEqualTo(80);
    assertThat(ProgressDisplay.columns(Map.of())).isEqualTo(80);
  }

  @Test
  void testsRunWithStderrRedirectedSoTheyNeverDrawABar() {
    // Surefire captures stderr through a pipe: the same answer cron and `2>log` get.
    assertThat(ProgressDisplay.stderrIsTerminal()).isFalse();
  }
}
