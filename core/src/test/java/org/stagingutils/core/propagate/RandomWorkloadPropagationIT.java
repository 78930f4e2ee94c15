// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stagingutils.core.testdb.DatabaseKind;

/**
 * Random valid edit histories, propagated in rounds: production must always equal staging. Seeds 1
 * to 6 by default; {@code -Dworkload.seed=FIRST -Dworkload.seeds=COUNT} explores others, and {@code
 * -Dworkload.kinds=MARIADB,H2} narrows the databases.
 */
class RandomWorkloadPropagationIT {
  private static final int ROUNDS = 3;
  private static final int STATEMENTS_PER_ROUND = 60;

  static Stream<Arguments> cases() {
    return RandomWorkload.cases(6);
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void productionEqualsStagingAfterEveryRound(DatabaseKind kind, long seed) throws Exception {
    try (StagingSession session = new StagingSession(kind);
        Connection editor = session.pair.staging().connection()) {
      RandomWorkload workload = new RandomWorkload(seed * 7919 + kind.ordinal(), session::q);
      for (int round = 1; round <= ROUNDS; round++) {
        workload.run(editor, STATEMENTS_PER_ROUND);

        PropagationResult result = session.propagate(ConflictPolicy.FAIL);

        assertThat(result.refused())
            .as(
                "seed %s round %s: %s %s after %s",
                seed, round, result.message(), result.conflicts(), workload.history())
            .isFalse();
        assertThat(session.production())
            .as("seed %s round %s after %s", seed, round, workload.history())
            .isEqualTo(session.staging());
        assertThat(session.pending()).isZero();
      }
      assertThat(workload.applied()).isPositive();
    }
  }
}
