// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sides of a comparison in turn, warm-up rounds first: interleaving them spreads the noise
 * of a shared machine over both sides instead of penalising whichever ran last.
 */
final class Repeater {
  private static final Logger LOG = LoggerFactory.getLogger(Repeater.class);

  private final int warmups;
  private final int runs;

  Repeater(int warmups, int runs) {
    this.warmups = warmups;
    this.runs = runs;
  }

  /** The summaries by trial label, in the order given. */
  Map<String, Summary> repeat(List<Trial> trials) {
    Map<String, List<Double>> values = new LinkedHashMap<>();
    trials.forEach(trial -> values.put(trial.label(), new ArrayList<>()));
    for (int round = 0; round < warmups + runs; round++) {
      boolean warmup = round < warmups;
      for (Trial trial : trials) {
        trial.prepare().run();
        double value = trial.measure().getAsDouble();
        LOG.info(
            "{} {}: {}", trial.label(), warmup ? "warm-up" : "run " + (round - warmups + 1), value);
        if (!warmup) {
          values.get(trial.label()).add(value);
        }
      }
    }
    Map<String, Summary> summaries = new LinkedHashMap<>();
    values.forEach((label, list) -> summaries.put(label, Summary.of(list)));
    return summaries;
  }
}
