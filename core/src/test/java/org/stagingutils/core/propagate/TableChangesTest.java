// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableChangesTest {
  /** Old row images by log id, as the change log holds them: read only where TableChanges asks. */
  private final Map<Long, String> images = new java.util.HashMap<>();

  private LogEntry entry(long id, char op, String oldKey, String newKey, String oldRow) {
    images.put(id, oldRow);
    return new LogEntry(id, op, oldKey, newKey, "cs" + id);
  }

  private void readImages(TableChanges changes) {
    for (long id : java.util.List.copyOf(changes.unreadImages())) {
      changes.image(id, images.get(id));
    }
  }

  @Test
  void keepsTheFirstImageAndEveryLogIdOfAKey() {
    TableChanges changes = new TableChanges();
    changes.add(entry(1, 'U', "a", "a", "a0"));
    changes.add(entry(2, 'U', "a", "a", "a1"));
    changes.add(entry(3, 'I', null, "b", null));

    readImages(changes);
    assertThat(changes.dirtyKeys()).containsExactly("a", "b");
    assertThat(changes.expected("a")).isEqualTo("a0");
    assertThat(changes.expected("b")).isEqualTo(TableChanges.ABSENT);
    assertThat(changes.logIds("a")).isEqualTo(LogIds.of(1, 2));
    assertThat(changes.logIds("c")).isEqualTo(LogIds.NONE);
    assertThat(changes.lastChangeSet("a")).isEqualTo("cs2");
    assertThat(changes.lastLogId("a")).hasValue(2);
    assertThat(changes.lastLogId("c")).isEmpty();
    assertThat(changes.entryCount()).isEqualTo(3);
  }

  @Test
  void aKeyChangeMovesTheRowFromWhereTheFirstChangeFoundIt() {
    TableChanges changes = new TableChanges();
    changes.add(entry(1, 'U', "a", "b", "a0"));
    changes.add(entry(2, 'U', "b", "c", "b0"));
    changes.add(entry(3, 'I', null, "x", null));
    changes.add(entry(4, 'U', "x", "y", "x0"));

    readImages(changes);
    assertThat(changes.keyMoves()).isEqualTo(Map.of("c", "a"));
    assertThat(changes.wasCreated("c")).isTrue();
    assertThat(changes.wasCreated("a")).isFalse();
  }

  @Test
  void anInsertUpdatedInPlaceThenMovedCountsAsFoundAtItsFirstKey() {
    TableChanges changes = new TableChanges();
    changes.add(entry(1, 'I', null, "a", null));
    changes.add(entry(2, 'U', "a", "a", "a0"));
    changes.add(entry(3, 'U', "a", "b", "a1"));

    readImages(changes);
    assertThat(changes.keyMoves()).isEqualTo(Map.of("b", "a"));
  }

  @Test
  void aRowArrivingWhereOneStillWasCountsAsADelete() {
    TableChanges changes = new TableChanges();
    changes.add(entry(1, 'U', "a", "a", "a0"));
    changes.add(entry(2, 'I', null, "a", null));
    changes.add(entry(3, 'D', "b", null, "b0"));
    changes.add(entry(4, 'I', null, "c", null));

    readImages(changes);
    assertThat(changes.wasDeleted("a")).isTrue();
    assertThat(changes.wasDeleted("b")).isTrue();
    assertThat(changes.wasDeleted("c")).isFalse();
    assertThat(changes.keyMoves()).isEmpty();
    assertThat(changes.createdAfterADelete("c")).isTrue();
    assertThat(changes.createdAfterADelete("a")).isFalse();
  }

  @Test
  void releasingImagesKeepsWhichRowsWereAbsent() {
    TableChanges changes = new TableChanges();
    changes.add(entry(1, 'D', "a", null, "a0"));
    changes.add(entry(2, 'I', null, "b", null));
    changes.cascaded("c");
    readImages(changes);

    changes.releaseImages();

    assertThat(changes.expected("a")).isEqualTo(TableChanges.RELEASED);
    assertThat(changes.expected("b")).isEqualTo(TableChanges.ABSENT);
    assertThat(changes.expected("c")).isEqualTo(TableChanges.ABSENT);
    assertThat(changes.createdAfterADelete("b")).isTrue();
    assertThat(changes.logIds("c")).isEqualTo(LogIds.NONE);
  }

  @Test
  void interleavedHistoriesKeepEveryLogIdInLogOrderAndEachKeysLastChange() {
    TableChanges changes = new TableChanges();
    long id = 0;
    for (int round = 0; round < 3; round++) {
      for (String key : List.of("a", "b", "c")) {
        changes.add(entry(++id, 'U', key, key, key + round));
      }
    }
    changes.add(entry(++id, 'U', "b", "d", "b3"));

    assertThat(changes.unreadImages()).containsExactly(1L, 2L, 3L);
    readImages(changes);
    assertThat(changes.expected("b")).isEqualTo("b0");
    assertThat(changes.allLogIds()).isEqualTo(LogIds.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    assertThat(changes.logIds("b")).isEqualTo(LogIds.of(2, 5, 8, 10));
    assertThat(changes.logIds("d")).isEqualTo(LogIds.of(10));
    // the move is the last change of both keys it names
    assertThat(changes.lastLogId("b")).hasValue(10);
    assertThat(changes.lastLogId("d")).hasValue(10);
    assertThat(changes.lastLogIds()).isEqualTo(LogIds.of(7, 9, 10));
    assertThat(changes.keyMoves()).isEqualTo(Map.of("d", "b"));
  }

  @Test
  void aRowOnlyACascadeRemovesHasNoLastChange() {
    TableChanges changes = new TableChanges();
    changes.add(entry(1, 'U', "a", "a", "a0"));
    changes.cascaded("c");

    assertThat(changes.lastLogId("c")).isEmpty();
    assertThat(changes.lastLogIds()).isEqualTo(LogIds.of(1));
    assertThat(changes.allLogIds()).isEqualTo(LogIds.of(1));
  }
}
