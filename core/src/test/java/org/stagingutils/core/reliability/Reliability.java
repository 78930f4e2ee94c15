// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.stagingutils.core.config.StagingConfig;
import org.stagingutils.core.propagate.ConflictPolicy;
import org.stagingutils.core.propagate.PropagationRequest;
import org.stagingutils.core.propagate.PropagationResult;
import org.stagingutils.core.propagate.StagingPropagation;
import org.stagingutils.core.propagate.StagingSession;
import org.stagingutils.core.propagate.TransactionMode;

/** What every reliability test ends with, and the requests they make. */
final class Reliability {
  static final int BATCH_SIZE = 100;

  private Reliability() {}

  static PropagationRequest request(StagingSession session, TransactionMode mode, boolean dryRun) {
    return new PropagationRequest(
        session.config(),
        session.tables,
        ConflictPolicy.FAIL,
        mode,
        BATCH_SIZE,
        dryRun,
        Optional.empty(),
        Optional.empty(),
        PropagationRequest.DEFAULT_RETAIN_DAYS,
        List.of(),
        false);
  }

  static PropagationResult propagate(StagingSession session, TransactionMode mode) {
    PropagationResult result = new StagingPropagation().propagate(request(session, mode, false));
    assertThat(result.refused()).as("%s %s", result.message(), result.conflicts()).isFalse();
    return result;
  }

  /**
   * Propagates every pending change of the scope {@code all} of a hand-built config, the batch size
   * small so that batches split, and asserts the run was not refused.
   */
  static void propagateAll(StagingConfig config) {
    PropagationResult result =
        new StagingPropagation()
            .propagate(
                new PropagationRequest(
                    config,
                    config.scopes().get("all"),
                    ConflictPolicy.FAIL,
                    TransactionMode.ONE,
                    10,
                    false,
                    Optional.empty(),
                    Optional.empty(),
                    30,
                    List.of(),
                    false));
    assertThat(result.refused()).as("%s %s", result.message(), result.conflicts()).isFalse();
  }

  static PropagationResult plan(StagingSession session) {
    return new StagingPropagation().propagate(request(session, TransactionMode.ONE, true));
  }

  /** Both databases row for row, nothing pending, and a journal whose runs add up. */
  static void assertConverged(StagingSession session, String context) throws SQLException {
    assertThat(session.production()).as(context).isEqualTo(session.staging());
    assertThat(session.pending()).as("%s: pending change-log rows", context).isZero();
    JournalRuns.read(session.pair.production()).assertEveryRunAddsUp();
  }
}
