// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The unprocessed changes of one table, consolidated per row. What production must become is
 * staging's current row at each key the log mentions ({@link #dirtyKeys()}); the log itself adds
 * what staging started from at each key (to detect production drift) and which rows changed key (so
 * production can move a row instead of deleting and re-inserting it, keeping its children).
 */
final class TableChanges {
  /** Marks "no row at this key" where a row image is expected. */
  static final String ABSENT = "\u0000absent";

  /**
   * Stands for a row image once the table is planned: only whether a row was there is still asked
   * then, and the images of every pending row would otherwise stay on the heap until the run ends.
   */
  static final String RELEASED = "\u0000released";

  /**
   * All that is known of one key, in one object rather than one entry in each of several maps: a
   * run holds one per pending row, so the per-entry overhead of those maps was most of its heap.
   */
  private static final class History {
    final LogIds.Builder logIds = new LogIds.Builder();
    long firstLogId = -1;
    long lastLogId = -1;
    String expected;
    String lastChangeSet;
    boolean deleted;
    boolean created;

    /** Whether the log last left a row here ({@code null}: it says nothing either way). */
    Boolean present;

    /** Whether {@link #origin} applies: {@code null} is an origin too, that of an insert. */
    boolean hasOrigin;

    String origin;

    History(String expected) {
      this.expected = expected;
    }

    void origin(String origin) {
      hasOrigin = true;
      this.origin = origin;
    }

    void forgetOrigin() {
      hasOrigin = false;
      origin = null;
    }

    void note(LogEntry entry) {
      logIds.add(entry.id());
      if (firstLogId < 0) {
        firstLogId = entry.id();
      }
      lastLogId = entry.id();
      lastChangeSet = entry.changeSet();
    }
  }

  /**
   * Stands for the old row image of a change-log entry, read afterwards and only where it is the
   * first mention of its key: a row updated a hundred times needs one image, not a hundred.
   */
  private static final String UNREAD = "\u0000unread";

  private final Map<String, History> keys = new LinkedHashMap<>();

  /** The histories waiting for their image, by the log id holding it, in log order. */
  private final Map<Long, History> unreadImages = new LinkedHashMap<>();

  /** Every log id read, in log order: the reader's order, so nothing needs sorting. */
  private final LogIds.Builder allLogIds = new LogIds.Builder();

  private long entries;
  private long firstDelete = Long.MAX_VALUE;

  /**
   * Adds the next log row; rows come in log order. One map look-up per key the row names: at a
   * hundred changes a row this runs a million times.
   */
  void add(LogEntry entry) {
    entries++;
    allLogIds.add(entry.id());
    switch (entry.op()) {
      case 'I' -> {
        History h = arrive(entry.newKey());
        h.note(entry);
        h.origin(null);
      }
      case 'U' -> {
        History old = mention(entry.oldKey(), UNREAD, entry);
        if (entry.oldKey().equals(entry.newKey())) {
          old.present = true;
          // As Map.putIfAbsent did here: an insert's null origin counts as none.
          if (old.origin == null) {
            old.origin(entry.newKey());
          }
        } else {
          old.present = false;
          String origin = old.hasOrigin ? old.origin : entry.oldKey();
          old.forgetOrigin();
          History moved = arrive(entry.newKey());
          moved.note(entry);
          moved.origin(origin);
        }
      }
      case 'D' -> {
        firstDelete = Math.min(firstDelete, entry.id());
        History h = mention(entry.oldKey(), UNREAD, entry);
        h.present = false;
        h.deleted = true;
        h.forgetOrigin();
      }
      default -> throw new IllegalStateException("unknown operation in change log: " + entry.op());
    }
  }

  /**
   * A row comes to {@code key}. If the log last left a row there, that row went without a logged
   * delete: a foreign-key cascade the triggers did not see (MariaDB). It counts as deleted.
   */
  private History arrive(String key) {
    History h = keys.get(key);
    if (h == null) {
      // the image that is due for a row arriving where the log had none
      h = new History(ABSENT);
      keys.put(key, h);
    }
    if (Boolean.TRUE.equals(h.present)) {
      h.deleted = true;
    }
    h.present = true;
    h.created = true;
    return h;
  }

  private History mention(String key, String image, LogEntry entry) {
    History h = keys.get(key);
    if (h == null) {
      h = new History(image);
      keys.put(key, h);
      if (UNREAD.equals(image)) {
        unreadImages.put(entry.id(), h);
      }
    }
    h.note(entry);
    return h;
  }

  /**
   * Log rows whose old row image is what staging started from at some key, not read yet, in log
   * order.
   */
  Set<Long> unreadImages() {
    return unreadImages.keySet();
  }

  /** The old row image of log row {@code logId}, one of {@link #unreadImages()}. */
  void image(long logId, String oldRow) {
    History h = unreadImages.remove(logId);
    if (h == null) {
      throw new IllegalStateException("change-log row " + logId + " has no image to read");
    }
    h.expected = oldRow == null ? ABSENT : oldRow;
  }

  /** Every key the log mentions, old or new, in order of first mention. */
  Set<String> dirtyKeys() {
    return java.util.Collections.unmodifiableSet(keys.keySet());
  }

  /**
   * The dirty keys of every table that {@code test} accepts, by table: what a run that takes only
   * some rows (change sets, {@code --before}) starts from.
   */
  static <T> Map<T, Set<String>> dirtyKeysWhere(
      Map<T, TableChanges> changes, BiPredicate<TableChanges, String> test) {
    Map<T, Set<String>> taken = new HashMap<>();
    changes.forEach(
        (table, tableChanges) -> {
          Set<String> keys = new HashSet<>();
          for (String key : tableChanges.keys.keySet()) {
            if (test.test(tableChanges, key)) {
              keys.add(key);
            }
          }
          taken.put(table, keys);
        });
    return taken;
  }

  /**
   * The row image staging started from at {@code key}, or {@link #ABSENT}; {@link #RELEASED} for a
   * row once {@link #releaseImages} ran.
   */
  String expected(String key) {
    History h = keys.get(key);
    return h == null ? null : h.expected;
  }

  /** Drops the row images, which only planning compares; absent rows stay {@link #ABSENT}. */
  void releaseImages() {
    keys.values().forEach(h -> h.expected = ABSENT.equals(h.expected) ? ABSENT : RELEASED);
  }

  /** Log rows that mention {@code key}. */
  LogIds logIds(String key) {
    History h = keys.get(key);
    return h == null ? LogIds.NONE : h.logIds.build();
  }

  /** The change set of the last change that touched {@code key} ({@code null}: none). */
  String lastChangeSet(String key) {
    History h = keys.get(key);
    return h == null ? null : h.lastChangeSet;
  }

  /**
   * Rows whose key changed: current key to the key the row had when the first pending change found
   * it. Rows inserted during the session have no origin and are left out.
   */
  Map<String, String> keyMoves() {
    Map<String, String> moves = new LinkedHashMap<>();
    keys.forEach(
        (current, h) -> {
          if (h.hasOrigin && h.origin != null && !h.origin.equals(current)) {
            moves.put(current, h.origin);
          }
        });
    return moves;
  }

  /**
   * Adds a row that a cascade in production will remove, though the log does not mention it: what
   * production holds there is no one's edit, so nothing is expected of it.
   */
  void cascaded(String key) {
    keys.computeIfAbsent(key, k -> new History(ABSENT));
  }

  /** The log row of the last change that touched {@code key}; empty for a key the log omits. */
  OptionalLong lastLogId(String key) {
    History h = keys.get(key);
    return h == null || h.lastLogId < 0 ? OptionalLong.empty() : OptionalLong.of(h.lastLogId);
  }

  /** The last log row of each key: whose capture time decides {@code --before}. */
  LogIds lastLogIds() {
    LogIds.Builder ids = new LogIds.Builder();
    for (History h : keys.values()) {
      if (h.lastLogId >= 0) {
        ids.add(h.lastLogId);
      }
    }
    return ids.build();
  }

  /** Every log row read, as the union of {@link #logIds} over the keys would give it. */
  LogIds allLogIds() {
    return allLogIds.build();
  }

  /** Whether a row at {@code key} was deleted at some point of the pending history. */
  boolean wasDeleted(String key) {
    History h = keys.get(key);
    return h != null && h.deleted;
  }

  /**
   * Whether a row came to {@code key} (insert, or key update into it) during the pending history.
   */
  /** The first delete the log holds for this table, or {@link Long#MAX_VALUE}. */
  long firstDelete() {
    return firstDelete;
  }

  /**
   * Counts a delete of this table that the log holds but this reading left out (a partial run that
   * does not take it), for {@link #createdAfterADelete}: rows that came back after it may still
   * have lost their predecessor in that delete's cascade.
   */
  void deleteLeftOut(long logId) {
    firstDelete = Math.min(firstDelete, logId);
  }

  boolean wasCreated(String key) {
    History h = keys.get(key);
    return h != null && h.created;
  }

  /**
   * Whether the pending history of {@code key} starts with a row coming to it after a delete in
   * this table: where deletes cascade unlogged, a row production has at that key was most likely
   * taken by that cascade in staging, not inserted in production meanwhile.
   */
  boolean createdAfterADelete(String key) {
    History h = keys.get(key);
    return createdAnew(key) && h.firstLogId >= 0 && firstDelete < h.firstLogId;
  }

  /** Whether a row came to {@code key} in staging where the session started with none. */
  boolean createdAnew(String key) {
    History h = keys.get(key);
    return h != null && ABSENT.equals(h.expected) && h.created;
  }

  long entryCount() {
    return entries;
  }

  boolean isEmpty() {
    return entries == 0;
  }
}
