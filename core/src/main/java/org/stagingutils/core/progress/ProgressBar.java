// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar redrawn in place with carriage returns, such as {@code copying CATENTRY
 * (3/9) [#########...........] 45% 12,150/27,000 rows}. Redraws at most ten times a second, so that
 * reporting every batch costs nothing noticeable; only meant for a terminal.
 */
public final class ProgressBar implements ProgressListener {
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int BAR_WIDTH = 20;

  private final PrintStream out;
  private final int columns;
  private final LongSupplier nanoClock;
  private String task = "";
  private String item = "";
  private String unit = "";
  private long total;
  private long done;
  private long lastDraw;
  private int drawnLength;

  /**
   * @param columns the terminal's width; the line is cut to fit, since a wrapped line cannot be
   *     redrawn in place
   * @param nanoClock {@link System#nanoTime} outside tests
   */
  public ProgressBar(PrintStream out, int columns, LongSupplier nanoClock) {
    this.out = out;
    this.columns = Math.max(20, columns);
    this.nanoClock = nanoClock;
  }

  @Override
  public boolean active() {
    return true;
  }

  @Override
  public synchronized void begin(String task, long total, String unit) {
    this.task = task;
    this.item = "";
    this.total = total;
    this.unit = unit;
    this.done = 0;
    draw();
  }

  @Override
  public synchronized void item(String item) {
    this.item = item;
    draw();
  }

  @Override
  public synchronized void advance(long units) {
    done += units;
    if (nanoClock.getAsLong() - lastDraw >= REDRAW_NANOS) {
      draw();
    }
  }

  @Override
  public synchronized void end() {
    if (drawnLength > 0) {
      out.print("\r" + " ".repeat(drawnLength) + "\r");
      out.flush();
      drawnLength = 0;
    }
  }

  private void draw() {
    String line = line(task, item, done, total, unit);
    if (line.length() >= columns) {
      line = line.substring(0, columns - 1);
    }
    // Spaces over whatever a longer previous line left behind.
    out.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
    out.flush();
    drawnLength = line.length();
    lastDraw = nanoClock.getAsLong();
  }

  /** The text of the bar, without the carriage return. */
  static String line(String task, String item, long done, long total, String unit) {
    StringBuilder line = new StringBuilder(task).append(' ');
    if (!item.isEmpty()) {
      line.append(item).append(' ');
    }
    if (total > 0) {
      long shown = Math.min(done, total);
      int filled = (int) (shown * BAR_WIDTH / total);
      line.append('[')
          .append("#".repeat(filled))
          .append(".".repeat(BAR_WIDTH - filled))
          .append("] ")
          .append(String.format(Locale.ROOT, "%3d%% %,d/%,d ", shown * 100 / total, shown, total));
    } else {
      line.append(String.format(Locale.ROOT, "%,d ", done));
    }
    return line.append(unit).toString();
  }
}
