// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.testdb.DatabaseKind;

/**
 * Processed log ids are kept as ranges: a partial run leaves many gaps between them, which the next
 * run reads through several statements (more gaps than one statement takes), and closes.
 */
class ProcessedRangesIT {
  private static final int EDITS = 130;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void theGapsAPartialRunLeavesAreReadAndClosedByTheNext(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      for (int i = 0; i < EDITS; i++) {
        session.editIn(
            i % 2 == 0 ? "even" : "odd",
            "INSERT INTO STORE (STORE_ID, IDENTIFIER) VALUES (" + (100 + i) + ", 'S" + i + "')");
      }

      PropagationResult even = session.propagate(List.of("even"), false);

      assertThat(even.refused()).isFalse();
      assertThat(even.processedChanges()).isEqualTo(EDITS / 2);
      assertThat(session.stagingCount("SELECT COUNT(*) FROM STAGLOGDONE")).isEqualTo(EDITS / 2);
      assertThat(session.pending()).isEqualTo(EDITS / 2);

      PropagationResult rest = session.propagate(ConflictPolicy.FAIL);

      assertThat(rest.refused()).isFalse();
      assertThat(rest.processedChanges()).isEqualTo(EDITS / 2);
      assertThat(session.production()).isEqualTo(session.staging());
      assertThat(session.pending()).isZero();
      assertThat(session.stagingCount("SELECT COUNT(*) FROM STAGLOGDONE")).isEqualTo(1);
    }
  }
}
