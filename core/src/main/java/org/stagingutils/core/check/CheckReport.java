// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

import java.util.List;
import java.util.Set;

/**
 * What stagingcheck found.
 *
 * @param checks the checks that ran
 * @param pendingChanges unprocessed change-log rows of the checked tables
 */
public record CheckReport(
    Set<CheckKind> checks,
    List<Problem> problems,
    long pendingChanges,
    List<ChangeSetCount> changeSets) {
  public CheckReport {
    checks = Set.copyOf(checks);
    problems = List.copyOf(problems);
    changeSets = List.copyOf(changeSets);
  }

  public CheckReport(Set<CheckKind> checks, List<Problem> problems, long pendingChanges) {
    this(checks, problems, pendingChanges, List.of());
  }

  public boolean clean() {
    return problems.isEmpty();
  }
}
