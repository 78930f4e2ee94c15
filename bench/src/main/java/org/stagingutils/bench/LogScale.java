// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The chart's ratio axis, logarithmic so that one 16x bar does not flatten the others: whole powers
 * of two around the data, with room past the longest bar, so that every gridline doubles.
 */
record LogScale(double low, double high) {
  // a ratio outside these bounds is drawn at the edge; its label still gives the number
  private static final double LOWEST = 1.0 / 64;
  private static final double HIGHEST = 1024;

  static LogScale covering(List<ChartBar> bars) {
    double min = 1;
    double max = 1;
    for (ChartBar bar : bars) {
      for (double value : new double[] {bar.ratio(), bar.target()}) {
        if (value > 0 && Double.isFinite(value)) {
          min = Math.min(min, value);
          max = Math.max(max, value);
        }
      }
    }
    return new LogScale(
        Math.max(LOWEST, Math.min(0.5, Math.pow(2, Math.floor(log2(min))))),
        Math.min(HIGHEST, Math.max(2, Math.pow(2, Math.ceil(log2(max * 1.1))))));
  }

  /** Where a value lies between the two ends, 0 to 1, clamped. */
  double position(double value) {
    double clamped = Double.isNaN(value) || value <= 0 ? low : Math.max(low, Math.min(high, value));
    return (log2(clamped) - log2(low)) / (log2(high) - log2(low));
  }

  List<Double> ticks() {
    List<Double> ticks = new ArrayList<>();
    for (double value = low; value <= high * 1.0001; value *= 2) {
      ticks.add(value);
    }
    return ticks;
  }

  static String label(double tick) {
    return tick >= 1
        ? String.format(Locale.ROOT, "%.0fx", tick)
        : Double.toString(tick).replaceAll("0+$", "") + "x";
  }

  private static double log2(double value) {
    return Math.log(value) / Math.log(2);
  }
}
