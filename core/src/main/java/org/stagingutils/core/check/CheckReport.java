// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

import java.util.List;
import java.util.Set;
import org.stagingutils.core.propagate.MissingPrerequisite;
import org.stagingutils.core.propagate.PendingRow;

/**
 * What stagingcheck found.
 *
 * @param checks the checks that ran
 * @param pendingChanges unprocessed change-log rows of the checked tables
 * @param changeSets unprocessed change-log rows per change set
 * @param selectedChangeSets the change sets asked for with {@code --change-set}; empty: all
 * @param changeSetRows with {@code --change-set}: the rows those sets would write
 * @param prerequisites with {@code --change-set}: the rows pending outside those sets that they
 *     need, transitively, with their set
 */
public record CheckReport(
    Set<CheckKind> checks,
    List<Problem> problems,
    long pendingChanges,
    List<ChangeSetCount> changeSets,
    List<String> selectedChangeSets,
    List<PendingRow> changeSetRows,
    List<MissingPrerequisite> prerequisites) {
  public CheckReport {
    checks = Set.copyOf(checks);
    problems = List.copyOf(problems);
    changeSets = List.copyOf(changeSets);
    selectedChangeSets = List.copyOf(selectedChangeSets);
    changeSetRows = List.copyOf(changeSetRows);
    prerequisites = List.copyOf(prerequisites);
  }

  public CheckReport(
      Set<CheckKind> checks,
      List<Problem> problems,
      long pendingChanges,
      List<ChangeSetCount> changeSets) {
    this(checks, problems, pendingChanges, changeSets, List.of(), List.of(), List.of());
  }

  public CheckReport(Set<CheckKind> checks, List<Problem> problems, long pendingChanges) {
    this(checks, problems, pendingChanges, List.of());
  }

  public boolean clean() {
    return problems.isEmpty();
  }
}
