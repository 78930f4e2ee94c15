// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a stagingprop run did, or would do on a dry run, or why it refused.
 *
 * @param runId the journal id of the run in production; 0 when nothing was written
 * @param refused true when nothing was written because of conflicts or missing prerequisites
 * @param message for a refusal, one line saying why and what to do
 * @param conflicts every conflict found (also those skipped or overwritten)
 * @param skippedChanges change-log rows left pending because their row conflicted
 * @param plannedRows on a dry run, the rows it would write, parents first
 * @param prerequisites with change sets, every row of other sets (or none) that they need,
 *     transitively: what {@code --with-prerequisites} takes or would take along
 * @param plan on a dry run (or a script): the rows to write, per table; otherwise empty
 * @param scriptFile where the statements were written instead of being run, if asked
 */
public record PropagationResult(
    long runId,
    boolean dryRun,
    boolean refused,
    String message,
    List<TableCounts> tables,
    List<Conflict> conflicts,
    List<MissingPrerequisite> missingPrerequisites,
    long processedChanges,
    long skippedChanges,
    Duration elapsed,
    List<PendingRow> plannedRows,
    List<MissingPrerequisite> prerequisites,
    List<PlannedTable> plan,
    Optional<Path> scriptFile) {

  public PropagationResult {
    tables = List.copyOf(tables);
    conflicts = List.copyOf(conflicts);
    missingPrerequisites = List.copyOf(missingPrerequisites);
    plannedRows = List.copyOf(plannedRows);
    prerequisites = List.copyOf(prerequisites);
    plan = List.copyOf(plan);
  }

  /** A result without a row-level plan or script. */
  public PropagationResult(
      long runId,
      boolean dryRun,
      boolean refused,
      String message,
      List<TableCounts> tables,
      List<Conflict> conflicts,
      List<MissingPrerequisite> missingPrerequisites,
      long processedChanges,
      long skippedChanges,
      Duration elapsed) {
    this(
        runId,
        dryRun,
        refused,
        message,
        tables,
        conflicts,
        missingPrerequisites,
        processedChanges,
        skippedChanges,
        elapsed,
        List.of(),
        List.of(),
        List.of(),
        Optional.empty());
  }

  public long inserted() {
    return tables.stream().mapToLong(TableCounts::inserted).sum();
  }

  public long updated() {
    return tables.stream().mapToLong(TableCounts::updated).sum();
  }

  public long deleted() {
    return tables.stream().mapToLong(TableCounts::deleted).sum();
  }
}
