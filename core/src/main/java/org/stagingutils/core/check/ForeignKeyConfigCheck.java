// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.stagingutils.core.metadata.DependencyGraph;
import org.stagingutils.core.metadata.ForeignKey;
import org.stagingutils.core.metadata.TableMetadata;

/**
 * {@code config}, between tables: foreign keys from staged tables into tables no scope stages, and
 * cycles of staged tables that no order can insert because every foreign key on the way is NOT NULL
 * and checked immediately (a nullable or deferrable key lets propagation break the cycle).
 */
final class ForeignKeyConfigCheck implements TableCheck {

  @Override
  public CheckKind kind() {
    return CheckKind.CONFIG;
  }

  @Override
  public List<Problem> run(CheckContext context) {
    List<TableMetadata> tables = context.existingTables();
    List<Problem> problems = new ArrayList<>();
    Set<String> staged = new HashSet<>(context.tableNames());
    for (String scope : context.config().scopes().keySet()) {
      staged.addAll(context.scopeTables(scope));
    }
    for (ForeignKey fk : DependencyGraph.of(tables).externalReferences()) {
      if (!staged.contains(fk.referencedTable().name())) {
        problems.add(external(fk));
      }
    }
    for (List<TableMetadata> cycle : DependencyGraph.of(unbreakable(tables)).cycles()) {
      problems.add(cycle(cycle));
    }
    return problems;
  }

  private static Problem external(ForeignKey fk) {
    String target = fk.referencedTable().name();
    return new Problem(
        CheckKind.CONFIG,
        fk.table().name(),
        Map.of(),
        "foreign key "
            + fk.name()
            + " ("
            + String.join(", ", fk.columns())
            + ") references "
            + target
            + " ("
            + String.join(", ", fk.referencedColumns())
            + "), a table no scope stages: add "
            + target
            + " to a scope, or accept that every row it references must already exist in"
            + " production",
        Optional.empty(),
        Optional.of(String.join(", ", fk.columns())),
        Optional.empty(),
        Optional.empty());
  }

  private static Problem cycle(List<TableMetadata> cycle) {
    String names = cycle.stream().map(t -> t.name().name()).collect(Collectors.joining(", "));
    Set<String> members = cycle.stream().map(t -> t.name().name()).collect(Collectors.toSet());
    String keys =
        cycle.stream()
            .flatMap(t -> t.foreignKeys().stream())
            .filter(fk -> members.contains(fk.referencedTable().name()))
            .map(ForeignKeyConfigCheck::describe)
            .collect(Collectors.joining("; "));
    return Problem.of(
        CheckKind.CONFIG,
        cycle.get(0).name().name(),
        Map.of(),
        "tables "
            + names
            + " reference each other through NOT NULL foreign keys checked immediately ("
            + keys
            + "), so no order can insert or delete them: make one of these foreign keys nullable"
            + " or deferrable");
  }

  /** The tables with only their foreign keys that propagation cannot defer or set to null. */
  private static List<TableMetadata> unbreakable(List<TableMetadata> tables) {
    return tables.stream()
        .map(
            t ->
                new TableMetadata(
                    t.name(),
                    t.columns(),
                    t.primaryKey(),
                    t.uniqueKeys(),
                    t.foreignKeys().stream()
                        .filter(fk -> !fk.deferrable() && !fk.selfReferencing())
                        .filter(fk -> fk.columns().stream().noneMatch(c -> t.column(c).nullable()))
                        .toList()))
        .toList();
  }

  private static String describe(ForeignKey fk) {
    return fk.name()
        + " "
        + fk.table().name()
        + " ("
        + String.join(", ", fk.columns())
        + ") -> "
        + fk.referencedTable().name()
        + " ("
        + String.join(", ", fk.referencedColumns())
        + ")";
  }
}
