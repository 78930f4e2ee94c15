// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdRangeTest {

  @Test
  void aMissingIdEndsARange() {
    assertThat(IdRange.of(List.of(7L, 1L, 2L, 3L, 5L, 6L, 9L)))
        .containsExactly(new IdRange(1, 3), new IdRange(5, 7), new IdRange(9, 9));
  }

  @Test
  void duplicatesAndNoIdsAreHarmless() {
    assertThat(IdRange.of(List.of(4L, 4L, 5L))).containsExactly(new IdRange(4, 5));
    assertThat(IdRange.of(Set.of())).isEmpty();
    assertThat(new IdRange(4, 5).size()).isEqualTo(2);
  }
}
