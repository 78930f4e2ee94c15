// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything measured in one run of the harness, in the order it was measured. */
final class Results {
  private final List<Comparison> comparisons = new ArrayList<>();
  private final Map<String, MemoryPeak> memory = new TreeMap<>();
  private final Map<String, String> serverVersions = new TreeMap<>();
  private final Map<String, Long> catalogRows = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();

  void add(Comparison comparison) {
    comparisons.add(comparison);
  }

  void recordMemory(String dialect, String utility, long peakRssKb) {
    memory.merge(
        dialect + "/" + utility,
        new MemoryPeak(dialect, utility, peakRssKb),
        (old, now) -> old.peakRssKb() >= now.peakRssKb() ? old : now);
  }

  void recordServer(String dialect, String version, long rows) {
    serverVersions.put(dialect, version);
    catalogRows.put(dialect, rows);
  }

  /** A workload that could not be measured, with the first line of why. */
  void recordFailure(String dialect, String workload, String reason) {
    failures.add(dialect + " " + workload + ": " + reason.lines().findFirst().orElse(reason));
  }

  List<String> failures() {
    return failures;
  }

  List<Comparison> comparisons() {
    return comparisons;
  }

  List<MemoryPeak> memory() {
    return List.copyOf(memory.values());
  }

  Map<String, String> serverVersions() {
    return serverVersions;
  }

  Map<String, Long> catalogRows() {
    return catalogRows;
  }
}
