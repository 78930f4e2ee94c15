// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final AtomicLong clock = new AtomicLong();
  private final ProgressBar bar =
      new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), 80, clock::get);

  @Test
  void lineShowsTheShareDoneOfAKnownTotal() {
    assertThat(ProgressBar.line("copying", "CATENTRY (3/9)", 12_150, 27_000, "rows"))
        .isEqualTo("copying CATENTRY (3/9) [#########...........]  45% 12,150/27,000 rows");
    assertThat(ProgressBar.line("copying", "STORE (1/9)", 0, 2, "rows"))
        .isEqualTo("copying STORE (1/9) [....................]   0% 0/2 rows");
  }

  @Test
  void lineNeverShowsMoreThanTheTotal() {
    // Rows inserted after the count still arrive: the bar stops full instead of overflowing.
    assertThat(ProgressBar.line("copying", "STORE", 7, 5, "rows"))
        .isEqualTo("copying STORE [####################] 100% 5/5 rows");
  }

  @Test
  void lineCountsWithoutABarWhenTheTotalIsUnknown() {
    assertThat(ProgressBar.line("copying", "", 1_234_567, 0, "rows"))
        .isEqualTo("copying 1,234,567 rows");
  }

  @Test
  void redrawsInPlaceAtMostTenTimesASecond() {
    bar.begin("applying", 100, "rows");
    bar.item("CATENTRY (1/2 tables)");
    String drawn = output();
    bar.advance(10);
    bar.advance(10);
    assertThat(output()).as("within 100 ms of the last draw").isEqualTo(drawn);

    clock.addAndGet(100_000_000L);
    bar.advance(10);

    assertThat(output())
        .endsWith("\rapplying CATENTRY (1/2 tables) [######..............]  30% 30/100 rows")
        .doesNotContain("\n");
  }

  @Test
  void endBlanksTheLineSoThatWhatFollowsStartsClean() {
    bar.begin("copying", 5, "rows");
    bar.item("STORE (1/1)");
    int length = ProgressBar.line("copying", "STORE (1/1)", 0, 5, "rows").length();

    bar.end();

    assertThat(output()).endsWith("\r" + " ".repeat(length) + "\r");
    bar.end();
    assertThat(output())
        .as("a second end prints nothing")
        .endsWith("\r" + " ".repeat(length) + "\r");
  }

  @Test
  void aShorterLineOverwritesTheRestOfALongerOne() {
    bar.begin("merging: deleting rows production lacks", 3, "tables");
    int longer = output().length() - 1;
    bar.begin("copying", 0, "rows");

    String last = output().substring(output().lastIndexOf('\r'));
    assertThat(last).startsWith("\rcopying 0 rows").hasSize(longer + 1);
  }

  @Test
  void lineIsCutToTheTerminalWidthSoItNeverWraps() {
    ProgressBar narrow =
        new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), 30, clock::get);
    narrow.begin("copying", 1000, "rows");

    assertThat(output().substring(1)).hasSize(29);
  }

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
