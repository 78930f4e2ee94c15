// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.copy.CopyRequest;
import org.stagingutils.core.copy.CopyResult;
import org.stagingutils.core.copy.StagingCopy;
import org.stagingutils.core.copy.TableCopy;
import org.stagingutils.core.propagate.ConflictPolicy;
import org.stagingutils.core.propagate.PropagationResult;
import org.stagingutils.core.propagate.StagingPropagation;
import org.stagingutils.core.propagate.StagingSession;
import org.stagingutils.core.testdb.DatabaseKind;

/** What a progress bar would show matches what the engines really did, on every dialect. */
class EngineProgressIT {

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void copyReportsEveryTableWithProductionsRowCountAsItsTotal(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      Recorder recorder = new Recorder();
      // Batches of 2 make the JDBC path report several times per table.
      CopyResult result =
          new StagingCopy(recorder)
              .copy(
                  new CopyRequest(
                      session.config(), session.tables, false, true, 2, Optional.empty()));

      List<Stretch> copying = recorder.stretches("copying");
      assertThat(copying).hasSameSizeAs(result.tables());
      for (int i = 0; i < copying.size(); i++) {
        TableCopy table = result.tables().get(i);
        Stretch stretch = copying.get(i);
        assertThat(stretch.item)
            .isEqualTo(table.table() + " (" + (i + 1) + "/" + copying.size() + ")");
        assertThat(stretch.total).as(table.table()).isEqualTo(table.rows());
        assertThat(stretch.done).as(table.table()).isEqualTo(table.rows());
      }
      assertThat(recorder.stretches("merging: deleting rows production lacks"))
          .singleElement()
          .satisfies(s -> assertThat(s.done).isEqualTo(s.total).isEqualTo(copying.size()));
      assertThat(recorder.ended).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void propagationReportsEveryRowItWrites(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.edit(
          "UPDATE CATENTRY SET PRICE = 1.00 WHERE CATENTRY_ID = 2001",
          "INSERT INTO STORE (STORE_ID, IDENTIFIER) VALUES (9, 'New')",
          "DELETE FROM ATTRVAL WHERE CATENTRY_ID = 2001");
      Recorder recorder = new Recorder();

      PropagationResult result =
          new StagingPropagation(recorder).propagate(session.request(ConflictPolicy.FAIL));

      long written = result.inserted() + result.updated() + result.deleted();
      assertThat(written).isPositive();
      assertThat(recorder.stretches("applying"))
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.total).isEqualTo(written);
                assertThat(s.done).isEqualTo(written);
                assertThat(s.items).isNotEmpty().allMatch(i -> i.matches(".+ \\(\\d/3 tables\\)"));
              });
      assertThat(recorder.ended).isTrue();
      assertThat(session.production()).isEqualTo(session.staging());
    }
  }

  private static final class Stretch {
    final String task;
    final long total;
    final List<String> items = new ArrayList<>();
    String item = "";
    long done;

    Stretch(String task, long total) {
      this.task = task;
      this.total = total;
    }
  }

  private static final class Recorder implements ProgressListener {
    final List<Stretch> stretches = new ArrayList<>();
    boolean ended;

    @Override
    public boolean active() {
      return true;
    }

    @Override
    public void begin(String task, long total, String unit) {
      stretches.add(new Stretch(task, total));
    }

    @Override
    public void item(String item) {
      current().item = item;
      current().items.add(item);
    }

    @Override
    public void advance(long units) {
      current().done += units;
    }

    @Override
    public void end() {
      ended = true;
    }

    private Stretch current() {
      return stretches.get(stretches.size() - 1);
    }

    List<Stretch> stretches(String task) {
      return stretches.stream().filter(s -> s.task.equals(task)).toList();
    }
  }
}
