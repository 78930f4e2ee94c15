// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

/** One bar of the ratio chart: a comparison's ratio on one server against its target. */
record ChartBar(
    String number, String workload, String dialect, double ratio, double target, boolean met) {

  static ChartBar of(Comparison comparison) {
    return new ChartBar(
        comparison.number(),
        comparison.workload(),
        comparison.dialect(),
        comparison.ratio(),
        comparison.target(),
        comparison.met());
  }
}
