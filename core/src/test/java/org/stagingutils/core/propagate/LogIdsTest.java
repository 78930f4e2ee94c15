// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogIdsTest {

  @Test
  void aMissingIdEndsARange() {
    assertThat(LogIds.of(7, 1, 2, 3, 5, 6, 9).ranges())
        .containsExactly(new IdRange(1, 3), new IdRange(5, 7), new IdRange(9, 9));
  }

  @Test
  void duplicatesAndNoIdsAreHarmless() {
    assertThat(LogIds.of(4, 4, 5).ranges()).containsExactly(new IdRange(4, 5));
    assertThat(LogIds.of(4, 4, 5).size()).isEqualTo(2);
    assertThat(LogIds.of().ranges()).isEmpty();
    assertThat(LogIds.of()).isSameAs(LogIds.NONE);
    assertThat(new IdRange(4, 5).size()).isEqualTo(2);
  }

  @Test
  void idsArriveInAnyOrderAndComeOutSorted() {
    LogIds.Builder builder = new LogIds.Builder();
    for (long id = 1000; id > 0; id--) {
      builder.add(id).add(id);
    }
    LogIds ids = builder.addAll(LogIds.of(2000)).build();
    assertThat(ids.size()).isEqualTo(1001);
    assertThat(ids.min()).isEqualTo(1);
    assertThat(ids.ranges()).containsExactly(new IdRange(1, 1000), new IdRange(2000, 2000));
  }

  @Test
  void minusAndIntersectKeepTheirSide() {
    LogIds ids = LogIds.of(1, 2, 3, 4, 5);
    assertThat(ids.minus(LogIds.of(2, 4, 9))).isEqualTo(LogIds.of(1, 3, 5));
    assertThat(ids.intersect(LogIds.of(2, 4, 9))).isEqualTo(LogIds.of(2, 4));
    assertThat(ids.minus(LogIds.NONE)).isSameAs(ids);
    assertThat(ids.intersect(LogIds.NONE)).isEqualTo(LogIds.NONE);
    assertThat(ids.contains(3)).isTrue();
    assertThat(ids.contains(6)).isFalse();
  }
}
