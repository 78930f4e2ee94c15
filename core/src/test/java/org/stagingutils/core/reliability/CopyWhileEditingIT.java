// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.copy.CopyRequest;
import org.stagingutils.core.copy.StagingCopy;
import org.stagingutils.core.propagate.StagingSession;
import org.stagingutils.core.propagate.TransactionMode;
import org.stagingutils.core.testdb.DatabaseKind;

/**
 * stagingcopy (--force) while an editor keeps changing staging: each edit is either wiped by the
 * copy together with its change-log row, or made after the copy and captured against the copied
 * row. Either way the next stagingprop finds no conflict and makes production equal to staging.
 */
class CopyWhileEditingIT {
  private static final long FIRST = 100_000;

  @ParameterizedTest(name = "{0}")
  @EnumSource(DatabaseKind.class)
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void editsDuringACopyAreCopiedOverOrCapturedNeverLost(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      Reliability.propagate(session, TransactionMode.ONE); // production control tables
      new BulkEdits(session.pair.production()).insert(FIRST, 2_000);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger edits = new AtomicInteger();
      Thread editor =
          new Thread(
              () -> {
                for (int i = 1; !stop.get(); i++) {
                  try {
                    session.edit(
                        "UPDATE STORE SET STATUS = " + (i % 100) + " WHERE STORE_ID = 1",
                        "UPDATE CATENTRY SET NAME = 'edit " + i + "' WHERE CATENTRY_ID = 1001");
                    edits.incrementAndGet();
                  } catch (SQLException e) {
                    // a lock wait that timed out: an editor tries again
                  }
                }
              },
              "editor");
      editor.start();
      try {
        new StagingCopy()
            .copy(
                new CopyRequest(
                    session.config(), session.tables, false, true, 500, Optional.empty()));
      } finally {
        stop.set(true);
        editor.join();
      }
      assertThat(edits.get()).as("edits made while the copy ran").isPositive();

      Reliability.propagate(session, TransactionMode.ONE);
      Reliability.assertConverged(session, kind + " after a copy during edits");
    }
  }
}
