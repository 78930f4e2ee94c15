// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.stagingutils.core.metadata.DependencyGraph;
import org.stagingutils.core.metadata.ForeignKey;
import org.stagingutils.core.metadata.TableMetadata;

/**
 * Foreign-key columns that no table order can satisfy: those of self-references (a new category
 * under a new category) and of cycles between tables. Rows are written with them NULL first and
 * given their values once every row exists; rows are detached through them before deletes.
 */
final class DeferredColumns {
  private DeferredColumns() {}

  static Set<String> of(TableMetadata table, DependencyGraph graph) {
    Set<String> columns = new LinkedHashSet<>();
    List<TableMetadata> cycle =
        graph.cycles().stream().filter(c -> c.contains(table)).findFirst().orElse(List.of());
    for (ForeignKey fk : table.foreignKeys()) {
      boolean inCycle =
          cycle.stream().anyMatch(t -> t.name().name().equals(fk.referencedTable().name()));
      boolean nullable = fk.columns().stream().allMatch(c -> table.column(c).nullable());
      if ((fk.selfReferencing() || inCycle) && nullable) {
        columns.addAll(fk.columns());
      }
    }
    return columns;
  }
}
