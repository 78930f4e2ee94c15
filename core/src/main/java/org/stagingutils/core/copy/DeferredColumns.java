// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.copy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.metadata.DependencyGraph;
import org.stagingutils.core.metadata.ForeignKey;
import org.stagingutils.core.metadata.TableMetadata;

/**
 * Foreign-key columns that cannot be written together with their row while the database checks
 * foreign keys: those of self-references (a category tree, whatever its row order) and of keys
 * inside a cycle of tables. They are inserted as NULL and set in a second pass.
 */
final class DeferredColumns {
  private DeferredColumns() {}

  static List<String> of(TableMetadata table, DependencyGraph graph) {
    Set<String> cycleMates = new LinkedHashSet<>();
    for (List<TableMetadata> cycle : graph.cycles()) {
      if (cycle.contains(table)) {
        cycle.forEach(t -> cycleMates.add(t.name().name()));
      }
    }
    Set<String> columns = new LinkedHashSet<>();
    for (ForeignKey fk : table.foreignKeys()) {
      if (fk.selfReferencing() || cycleMates.contains(fk.referencedTable().name())) {
        for (String column : fk.columns()) {
          check(table, fk, column);
          columns.add(column);
        }
      }
    }
    return new ArrayList<>(columns);
  }

  private static void check(TableMetadata table, ForeignKey fk, String column) {
    boolean keyColumn = table.captureKey().orElseThrow().columns().contains(column);
    if (!table.column(column).nullable() || keyColumn) {
      throw StagingException.configuration(
          "cannot copy table "
              + table.name()
              + ": column "
              + column
              + " references "
              + fk.referencedTable().name()
              + (fk.selfReferencing() ? " (its own table)" : " in a cycle of foreign keys")
              + " and cannot be NULL, so rows cannot be written before the rows they reference;"
              + " make the column nullable");
    }
  }
}
