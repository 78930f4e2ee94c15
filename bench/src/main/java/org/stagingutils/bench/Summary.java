// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.util.List;

/** Median and spread of repeated measurements, the only statistics the report shows. */
record Summary(double median, double min, double max, int count) {

  static Summary of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no measurements");
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    double median =
        sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    return new Summary(median, sorted[0], sorted[sorted.length - 1], sorted.length);
  }

  /** Half the range relative to the median: what "±" means in the report. */
  double spreadPercent() {
    return median == 0 ? 0 : (max - min) / 2 / median * 100;
  }
}
