// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stagingutils.core.connect.Database;
import org.stagingutils.core.metadata.Column;
import org.stagingutils.core.metadata.StagedTableResolver;
import org.stagingutils.core.metadata.TableDifference;
import org.stagingutils.core.metadata.TableDifferences;
import org.stagingutils.core.metadata.TableMetadata;
import org.stagingutils.core.metadata.UncarriedColumn;

/**
 * {@code schema}: staged tables missing on one side, or whose columns, types, nullability, keys or
 * foreign keys differ. Copy and propagation move rows column by column, so each would fail. Also
 * columns of a type the suite cannot carry intact, which copy and propagation refuse.
 */
final class SchemaCheck implements TableCheck {
  private static final String FIX = ": make both sides the same before copying or propagating";

  @Override
  public CheckKind kind() {
    return CheckKind.SCHEMA;
  }

  @Override
  public List<Problem> run(CheckContext context) {
    List<Problem> problems = new ArrayList<>();
    for (CheckedTable table : context.tables()) {
      if (table.staging().isPresent() && table.production().isPresent()) {
        for (TableDifference difference :
            TableDifferences.of(table.staging().get(), table.production().get())) {
          problems.add(problem(table, difference));
        }
      } else if (table.staging().isPresent()) {
        problems.add(missing(table, context.production(), "create it there as in staging"));
      } else if (table.production().isPresent()) {
        problems.add(missing(table, context.staging(), "create it there and run stagingcopy"));
      }
      // missing on both sides is a mistake in the scope: the config check reports it
      problems.addAll(uncarried(table, context));
    }
    return problems;
  }

  /**
   * Columns whose type stagingcopy and stagingprop refuse: reported here, so that a check lists
   * them instead of only warning that pending changes could not be checked.
   */
  private static List<Problem> uncarried(CheckedTable table, CheckContext context) {
    List<UncarriedColumn> found = new ArrayList<>();
    table
        .staging()
        .ifPresent(
            t ->
                found.addAll(
                    StagedTableResolver.uncarriedColumns(
                        context.staging().dialect(), t, table.name())));
    table.production().stream()
        .flatMap(
            t ->
                StagedTableResolver.uncarriedColumns(
                    context.production().dialect(), t, table.name())
                    .stream())
        .filter(u -> found.stream().noneMatch(f -> f.column().name().equals(u.column().name())))
        .forEach(found::add);
    return found.stream()
        .map(
            u ->
                new Problem(
                    CheckKind.SCHEMA,
                    table.name(),
                    Map.of(),
                    u.message(),
                    Optional.empty(),
                    Optional.of(u.column().name()),
                    definition(table.staging(), u.column()),
                    definition(table.production(), u.column())))
        .toList();
  }

  /** The column's definition on one side, where that side has the table and the column. */
  private static Optional<Object> definition(Optional<TableMetadata> side, Column column) {
    return side.flatMap(
            t -> t.columns().stream().filter(c -> c.name().equals(column.name())).findFirst())
        .map(TableDifferences::describe);
  }

  private static Problem problem(CheckedTable table, TableDifference difference) {
    return new Problem(
        CheckKind.SCHEMA,
        table.name(),
        Map.of(),
        difference.message() + FIX,
        Optional.empty(),
        difference.column(),
        difference.staging().map(Object.class::cast),
        difference.production().map(Object.class::cast));
  }

  private static Problem missing(CheckedTable table, Database side, String fix) {
    return Problem.of(
        CheckKind.SCHEMA,
        table.name(),
        Map.of(),
        "table "
            + table.name()
            + " does not exist in schema "
            + side.schema()
            + " of the "
            + side.role()
            + " database: "
            + fix
            + ", or remove it from the scope");
  }
}
