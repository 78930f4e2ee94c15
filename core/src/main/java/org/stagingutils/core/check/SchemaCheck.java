// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stagingutils.core.connect.Database;
import org.stagingutils.core.metadata.TableDifference;
import org.stagingutils.core.metadata.TableDifferences;

/**
 * {@code schema}: staged tables missing on one side, or whose columns, types, nullability, keys or
 * foreign keys differ. Copy and propagation move rows column by column, so each would fail.
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
    }
    return problems;
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
