// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

/** One row of the results table: the suite's side against the baseline measured in the same run. */
record Comparison(
    String number,
    String workload,
    String dialect,
    String candidate,
    Summary candidateSummary,
    String baseline,
    Summary baselineSummary,
    double target,
    String unit) {

  double ratio() {
    return candidateSummary.median() / baselineSummary.median();
  }

  boolean met() {
    return ratio() <= target;
  }
}
