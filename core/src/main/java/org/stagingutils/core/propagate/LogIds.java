// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of change-log ids held as a sorted array of primitives: a run holds one id per log row it
 * read (a million in a consolidation), and boxed in a hash set each would cost about six times the
 * eight bytes it needs.
 */
final class LogIds {
  static final LogIds NONE = new LogIds(new long[0]);

  private final long[] ids;

  private LogIds(long[] sortedDistinct) {
    this.ids = sortedDistinct;
  }

  static LogIds of(long... ids) {
    Builder builder = new Builder();
    for (long id : ids) {
      builder.add(id);
    }
    return builder.build();
  }

  int size() {
    return ids.length;
  }

  boolean isEmpty() {
    return ids.length == 0;
  }

  /** The lowest id; only for a non-empty set. */
  long min() {
    return ids[0];
  }

  boolean contains(long id) {
    return Arrays.binarySearch(ids, id) >= 0;
  }

  /** The ids of this set that {@code other} does not hold. */
  LogIds minus(LogIds other) {
    return filter(other, false);
  }

  /** The ids of this set that {@code other} holds too. */
  LogIds intersect(LogIds other) {
    return filter(other, true);
  }

  private LogIds filter(LogIds other, boolean keepShared) {
    if (other.isEmpty()) {
      return keepShared ? NONE : this;
    }
    long[] kept = new long[ids.length];
    int n = 0;
    for (long id : ids) {
      if (other.contains(id) == keepShared) {
        kept[n++] = id;
      }
    }
    return n == ids.length ? this : new LogIds(Arrays.copyOf(kept, n));
  }

  /** The maximal runs of consecutive ids, in ascending order. */
  List<IdRange> ranges() {
    List<IdRange> ranges = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= ids.length; i++) {
      if (i == ids.length || ids[i] != ids[i - 1] + 1) {
        ranges.add(new IdRange(ids[start], ids[i - 1]));
        start = i;
      }
    }
    return ranges;
  }

  long[] toArray() {
    return ids.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogIds other && Arrays.equals(ids, other.ids);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ids);
  }

  @Override
  public String toString() {
    return Arrays.toString(ids);
  }

  /** Collects ids in any order, with repeats; mostly they come in log order, already sorted. */
  static final class Builder {
    private long[] ids = new long[2];
    private int size;
    private boolean sorted = true;

    Builder add(long id) {
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size + Math.max(2, size >> 1));
      }
      sorted &= size == 0 || ids[size - 1] <= id;
      ids[size++] = id;
      return this;
    }

    Builder addAll(LogIds other) {
      for (long id : other.ids) {
        add(id);
      }
      return this;
    }

    LogIds build() {
      if (size == 0) {
        return NONE;
      }
      long[] copy = Arrays.copyOf(ids, size);
      if (!sorted) {
        Arrays.sort(copy);
      }
      int n = 1;
      for (int i = 1; i < copy.length; i++) {
        if (copy[i] != copy[n - 1]) {
          copy[n++] = copy[i];
        }
      }
      return new LogIds(n == copy.length ? copy : Arrays.copyOf(copy, n));
    }
  }
}
