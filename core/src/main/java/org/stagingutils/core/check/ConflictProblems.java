// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.stagingutils.core.propagate.ColumnDifference;
import org.stagingutils.core.propagate.Conflict;

/**
 * Turns one conflict of the propagation preview into problems a person can act on: a drifted row
 * gives one problem per column production changed, with both sides' values; a unique collision one
 * problem naming the index, its columns and the value both rows want.
 */
final class ConflictProblems {
  private ConflictProblems() {}

  static List<Problem> of(CheckKind check, Conflict conflict, String advice) {
    if (conflict.differences().isEmpty()) {
      return List.of(
          new Problem(
              check,
              conflict.table(),
              conflict.key(),
              conflict.message() + advice,
              conflict.index(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty()));
    }
    return switch (conflict.kind()) {
      case UNIQUE -> List.of(unique(check, conflict, advice));
      case EXISTS ->
          perColumn(
              check,
              conflict,
              "production already has a row with this key, whose %s differs from the row staging"
                  + " inserts"
                  + advice);
      default ->
          perColumn(
              check, conflict, "production changed %s since the staging session started" + advice);
    };
  }

  private static List<Problem> perColumn(CheckKind check, Conflict conflict, String message) {
    return conflict.differences().stream()
        .map(
            d ->
                new Problem(
                    check,
                    conflict.table(),
                    conflict.key(),
                    String.format(message, d.column()),
                    Optional.empty(),
                    Optional.of(d.column()),
                    Optional.of(SqlNull.orMarker(d.staging())),
                    Optional.of(SqlNull.orMarker(d.production()))))
        .toList();
  }

  /** The key's columns and values, each as one value where the index has one column. */
  private static Problem unique(CheckKind check, Conflict conflict, String advice) {
    List<ColumnDifference> columns = conflict.differences();
    return new Problem(
        check,
        conflict.table(),
        conflict.key(),
        conflict.message() + advice,
        conflict.index(),
        Optional.of(columns.stream().map(ColumnDifference::column).collect(joining())),
        Optional.of(
            columns.size() == 1
                ? SqlNull.orMarker(columns.get(0).staging())
                : columns.stream().map(d -> String.valueOf(d.staging())).collect(joining())),
        Optional.of(
            columns.size() == 1
                ? SqlNull.orMarker(columns.get(0).production())
                : columns.stream().map(d -> String.valueOf(d.production())).collect(joining())));
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining() {
    return Collectors.joining(", ");
  }
}
