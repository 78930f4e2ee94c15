// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** How a run's ids join the recorded processed ranges. */
class ProcessedRangesTest {

  @Test
  void aRangeJoinsTheRangesItTouchesOnBothSides() {
    NavigableMap<Long, Long> ranges = new TreeMap<>(Map.of(1L, 4L, 6L, 9L));
    ProcessedMarker.add(ranges, 5, 5);
    assertThat(ranges).containsExactly(Map.entry(1L, 9L));
  }

  @Test
  void aMissingIdKeepsRangesApart() {
    NavigableMap<Long, Long> ranges = new TreeMap<>(Map.of(1L, 4L));
    ProcessedMarker.add(ranges, 6, 8);
    ProcessedMarker.add(ranges, 10, 10);
    assertThat(ranges).containsExactly(Map.entry(1L, 4L), Map.entry(6L, 8L), Map.entry(10L, 10L));
  }

  @Test
  void aRangeOverlappingSeveralSwallowsThem() {
    NavigableMap<Long, Long> ranges = new TreeMap<>(Map.of(3L, 4L, 6L, 7L, 9L, 9L, 20L, 30L));
    ProcessedMarker.add(ranges, 2, 10);
    assertThat(ranges).containsExactly(Map.entry(2L, 10L), Map.entry(20L, 30L));
    ProcessedMarker.add(ranges, 21, 25);
    assertThat(ranges).containsExactly(Map.entry(2L, 10L), Map.entry(20L, 30L));
  }
}
