// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stagingutils.core.testdb.DatabaseKind;

/**
 * Property-style tests of the runs that take part of the pending changes: random edit workloads,
 * tagged with random change sets or split by a cutoff, propagated part by part (each set with
 * {@code --change-set X}, then with {@code --with-prerequisites}; or {@code --before}), then the
 * rest. A set alone may only be refused for the prerequisites it lacks, with nothing written; no
 * other part may fail or be refused (production is never edited here, so there is nothing to
 * conflict with); and after the rest production equals staging with nothing pending. Seeds 1 to 4
 * by default; {@code -Dworkload.seed=FIRST -Dworkload.seeds=COUNT -Dworkload.kinds=MARIADB} explore
 * others.
 */
class RandomPartialPropagationIT {
  private static final int ROUNDS = 2;
  private static final int STATEMENTS_PER_ROUND = 60;
  private static final List<String> CHANGE_SETS = List.of("spring", "summer", "outlet");

  static Stream<Arguments> cases() {
    return RandomWorkload.cases(4);
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void changeSetsOneByOneThenTheRest(DatabaseKind kind, long seed) throws Exception {
    try (StagingSession session = new StagingSession(kind);
        Connection editor = session.pair.staging().connection()) {
      RandomWorkload workload = new RandomWorkload(seed * 104729 + kind.ordinal(), session::q);
      Random order = new Random(seed);
      for (int round = 1; round <= ROUNDS; round++) {
        // a quarter of the edits belong to no change set
        workload.run(
            editor,
            STATEMENTS_PER_ROUND,
            (connection, random) ->
                session.dialect.setChangeSet(
                    connection,
                    random.nextInt(4) == 0 ? null : CHANGE_SETS.get(random.nextInt(3))));
        List<String> sets = new ArrayList<>(CHANGE_SETS);
        Collections.shuffle(sets, order);
        for (String set : sets) {
          // alone, a set either goes or is refused for what it needs, with nothing written
          var before = session.production();
          PropagationResult alone = run(workload, () -> session.propagate(List.of(set), false));
          if (alone.refused()) {
            assertThat(alone.conflicts())
                .as("seed %s round %s change set %s", seed, round, set)
                .isEmpty();
            assertThat(alone.missingPrerequisites()).isNotEmpty();
            assertThat(session.production()).isEqualTo(before);
          }
          PropagationResult part = run(workload, () -> session.propagate(List.of(set), true));
          assertThat(part.refused())
              .as(
                  "seed %s round %s change set %s: %s %s %s after %s",
                  seed,
                  round,
                  set,
                  part.message(),
                  part.conflicts(),
                  part.missingPrerequisites(),
                  workload.history())
              .isFalse();
        }
        propagateTheRest(session, workload, seed, round);
      }
    }
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void editsBeforeACutoffThenTheRest(DatabaseKind kind, long seed) throws Exception {
    try (StagingSession session = new StagingSession(kind);
        Connection editor = session.pair.staging().connection()) {
      RandomWorkload workload = new RandomWorkload(seed * 7877 + kind.ordinal(), session::q);
      for (int round = 1; round <= ROUNDS; round++) {
        workload.run(editor, STATEMENTS_PER_ROUND / 2);
        Thread.sleep(100);
        Instant cutoff = Instant.now();
        Thread.sleep(100);
        workload.run(editor, STATEMENTS_PER_ROUND / 2);

        PropagationResult part = run(workload, () -> session.propagateBefore(cutoff));

        assertThat(part.refused())
            .as(
                "seed %s round %s before the cutoff: %s %s after %s",
                seed, round, part.message(), part.conflicts(), workload.history())
            .isFalse();
        propagateTheRest(session, workload, seed, round);
      }
    }
  }

  /** A run that fails outright fails the test with the history that led to it. */
  private static PropagationResult run(
      RandomWorkload workload, java.util.function.Supplier<PropagationResult> propagation) {
    try {
      return propagation.get();
    } catch (RuntimeException e) {
      throw new AssertionError(e.getMessage() + " after " + workload.history(), e);
    }
  }

  private static void propagateTheRest(
      StagingSession session, RandomWorkload workload, long seed, int round) throws Exception {
    PropagationResult rest = run(workload, () -> session.propagate(ConflictPolicy.FAIL));
    assertThat(rest.refused())
        .as(
            "seed %s round %s, the rest: %s %s after %s",
            seed, round, rest.message(), rest.conflicts(), workload.history())
        .isFalse();
    assertThat(session.production())
        .as("seed %s round %s after %s", seed, round, workload.history())
        .isEqualTo(session.staging());
    assertThat(session.pending()).isZero();
  }
}
