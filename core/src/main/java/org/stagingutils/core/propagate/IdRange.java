// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A run of consecutive change-log ids, every one of them read by the run. Because no id inside it
 * is missing, a statement over the whole range touches exactly the rows the run read, whatever
 * commits later: a row the run did not see has an id outside every range.
 */
record IdRange(long first, long last) {

  long size() {
    return last - first + 1;
  }

  /** The maximal runs of consecutive ids among {@code ids}, in ascending order. */
  static List<IdRange> of(Collection<Long> ids) {
    long[] sorted = ids.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
    List<IdRange> ranges = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= sorted.length; i++) {
      if (i == sorted.length || sorted[i] != sorted[i - 1] + 1) {
        ranges.add(new IdRange(sorted[start], sorted[i - 1]));
        start = i;
      }
    }
    return ranges;
  }
}
