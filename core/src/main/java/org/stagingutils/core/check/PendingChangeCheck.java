// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.stagingutils.core.propagate.Conflict;
import org.stagingutils.core.propagate.ConflictKind;
import org.stagingutils.core.propagate.MissingPrerequisite;
import org.stagingutils.core.propagate.PropagationResult;

/**
 * The {@code unique}, {@code drift} and {@code references} checks: the conflicts a propagation of
 * the pending changes would meet, each reported under the check it belongs to, with what to do.
 */
final class PendingChangeCheck implements TableCheck {
  private final CheckKind kind;
  private final Set<ConflictKind> conflicts;
  private final PropagationPreview preview;

  private PendingChangeCheck(
      CheckKind kind, Set<ConflictKind> conflicts, PropagationPreview preview) {
    this.kind = kind;
    this.conflicts = conflicts;
    this.preview = preview;
  }

  static List<TableCheck> all(PropagationPreview preview) {
    return List.of(
        new PendingChangeCheck(CheckKind.UNIQUE, Set.of(ConflictKind.UNIQUE), preview),
        new PendingChangeCheck(
            CheckKind.DRIFT,
            Set.of(ConflictKind.DRIFT, ConflictKind.EXISTS, ConflictKind.MISSING),
            preview),
        new PendingChangeCheck(CheckKind.REFERENCES, Set.of(ConflictKind.REFERENCE), preview));
  }

  @Override
  public CheckKind kind() {
    return kind;
  }

  @Override
  public List<Problem> run(CheckContext context) {
    List<Problem> problems = new ArrayList<>();
    PropagationResult result = preview.result().orElse(null);
    if (result == null) {
      return problems;
    }
    for (Conflict conflict : sorted(result.conflicts())) {
      if (conflicts.contains(conflict.kind())) {
        problems.addAll(ConflictProblems.of(kind, conflict, advice(conflict.kind())));
      }
    }
    if (kind == CheckKind.REFERENCES) {
      for (MissingPrerequisite missing : result.missingPrerequisites()) {
        problems.add(
            Problem.of(
                kind,
                missing.table(),
                missing.key(),
                "needed by the selected change set(s) but pending in "
                    + (missing.changeSet() == null
                        ? "no change set"
                        : "change set " + missing.changeSet())
                    + (missing.reason() == null ? "" : " (" + missing.reason() + ")")
                    + ": propagate it first, or use stagingprop --with-prerequisites"));
      }
    }
    return problems;
  }

  /**
   * Conflicts grouped by table in the planner's order (parents first), then by key, so that the
   * report reads the same whatever order the databases returned the rows in.
   */
  private static List<Conflict> sorted(List<Conflict> conflicts) {
    List<String> tables = conflicts.stream().map(Conflict::table).distinct().toList();
    return conflicts.stream()
        .sorted(
            Comparator.comparingInt((Conflict c) -> tables.indexOf(c.table()))
                .thenComparing(Conflict::key, KeyOrder.INSTANCE))
        .toList();
  }

  private static String advice(ConflictKind kind) {
    return switch (kind) {
      case DRIFT, EXISTS, MISSING ->
          ": decide which version wins, then redo the edit in staging or run stagingprop"
              + " --on-conflict overwrite";
      case UNIQUE -> ": change the value in staging, or free it in production";
      case REFERENCE -> ": propagate or restore the referenced row, or change the reference";
    };
  }
}
