// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
   * Stands for the old row image of a change-log entry, read afterwards and only where it is the
   * first mention of its key: a row updated a hundred times needs one image, not a hundred.
   */
  private static final String UNREAD = "\u0000unread";

  private final Map<String, String> expected = new LinkedHashMap<>();
  private final Map<Long, String> unreadImages = new HashMap<>();
  private final Map<String, List<Long>> logIds = new HashMap<>();
  private final Map<String, String> originOf = new HashMap<>();
  private final Map<String, String> lastChangeSet = new HashMap<>();
  private final Set<String> deleted = new java.util.HashSet<>();
  private final Set<String> created = new java.util.HashSet<>();
  private final Map<String, java.time.Instant> lastCaptured = new HashMap<>();
  private long entries;
  private long firstDelete = Long.MAX_VALUE;
  private final Map<String, Boolean> present = new HashMap<>();

  void add(LogEntry entry) {
    entries++;
    switch (entry.op()) {
      case 'I' -> {
        arrive(entry.newKey());
        mention(entry.newKey(), ABSENT, entry);
        originOf.put(entry.newKey(), null);
      }
      case 'U' -> {
        mention(entry.oldKey(), UNREAD, entry);
        if (entry.oldKey().equals(entry.newKey())) {
          present.put(entry.newKey(), true);
          originOf.putIfAbsent(entry.newKey(), entry.newKey());
        } else {
          present.put(entry.oldKey(), false);
          arrive(entry.newKey());
          mention(entry.newKey(), ABSENT, entry);
          String origin =
              originOf.containsKey(entry.oldKey())
                  ? originOf.remove(entry.oldKey())
                  : entry.oldKey();
          originOf.put(entry.newKey(), origin);
        }
      }
      case 'D' -> {
        firstDelete = Math.min(firstDelete, entry.id());
        present.put(entry.oldKey(), false);
        deleted.add(entry.oldKey());
        mention(entry.oldKey(), UNREAD, entry);
        originOf.remove(entry.oldKey());
      }
      default -> throw new IllegalStateException("unknown operation in change log: " + entry.op());
    }
  }

  /**
   * A row comes to {@code key}. If the log last left a row there, that row went without a logged
   * delete: a foreign-key cascade the triggers did not see (MariaDB). It counts as deleted.
   */
  private void arrive(String key) {
    if (Boolean.TRUE.equals(present.put(key, true))) {
      deleted.add(key);
    }
    created.add(key);
  }

  private void mention(String key, String image, LogEntry entry) {
    if (expected.putIfAbsent(key, image) == null && UNREAD.equals(image)) {
      unreadImages.put(entry.id(), key);
    }
    logIds.computeIfAbsent(key, k -> new ArrayList<>(2)).add(entry.id());
    lastChangeSet.put(key, entry.changeSet());
    lastCaptured.put(key, entry.captured());
  }

  /** Log rows whose old row image is what staging started from at some key, not read yet. */
  Set<Long> unreadImages() {
    return unreadImages.keySet();
  }

  /** The old row image of log row {@code logId}, one of {@link #unreadImages()}. */
  void image(long logId, String oldRow) {
    String key = unreadImages.remove(logId);
    if (key == null) {
      throw new IllegalStateException("change-log row " + logId + " has no image to read");
    }
    expected.put(key, oldRow == null ? ABSENT : oldRow);
  }

  /** Every key the log mentions, old or new, in order of first mention. */
  Set<String> dirtyKeys() {
    return expected.keySet();
  }

  /** The row image staging started from at {@code key}, or {@link #ABSENT}. */
  String expected(String key) {
    return expected.get(key);
  }

  /** Log rows that mention {@code key}. */
  List<Long> logIds(String key) {
    return logIds.getOrDefault(key, List.of());
  }

  /** The change set of the last change that touched {@code key} ({@code null}: none). */
  String lastChangeSet(String key) {
    return lastChangeSet.get(key);
  }

  /**
   * Rows whose key changed: current key to the key the row had when the first pending change found
   * it. Rows inserted during the session have no origin and are left out.
   */
  Map<String, String> keyMoves() {
    Map<String, String> moves = new LinkedHashMap<>();
    originOf.forEach(
        (current, origin) -> {
          if (origin != null && !origin.equals(current)) {
            moves.put(current, origin);
          }
        });
    return moves;
  }

  /**
   * Adds a row that a cascade in production will remove, though the log does not mention it: what
   * production holds there is no one's edit, so nothing is expected of it.
   */
  void cascaded(String key) {
    expected.putIfAbsent(key, ABSENT);
  }

  /** When the last change that touched {@code key} was captured. */
  java.time.Instant lastCaptured(String key) {
    return lastCaptured.get(key);
  }

  /** Whether a row at {@code key} was deleted at some point of the pending history. */
  boolean wasDeleted(String key) {
    return deleted.contains(key);
  }

  /**
   * Whether a row came to {@code key} (insert, or key update into it) during the pending history.
   */
  boolean wasCreated(String key) {
    return created.contains(key);
  }

  /**
   * Whether the pending history of {@code key} starts with a row coming to it after a delete in
   * this table: where deletes cascade unlogged, a row production has at that key was most likely
   * taken by that cascade in staging, not inserted in production meanwhile.
   */
  boolean createdAfterADelete(String key) {
    List<Long> ids = logIds(key);
    return ABSENT.equals(expected(key))
        && wasCreated(key)
        && !ids.isEmpty()
        && firstDelete < ids.stream().mapToLong(Long::longValue).min().orElseThrow();
  }

  long entryCount() {
    return entries;
  }

  boolean isEmpty() {
    return entries == 0;
  }
}
