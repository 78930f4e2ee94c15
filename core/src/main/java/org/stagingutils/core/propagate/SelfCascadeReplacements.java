// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.stagingutils.core.metadata.TableMetadata;

/**
 * Where the log misses cascades (MariaDB), the rows of a table with a cascading self-reference (a
 * category tree) that production must delete and insert again because a delete of this run takes
 * them along in production, as it did unlogged in staging. Production's tree decides what cascades,
 * not the log: a subcategory that staging moved away before deleting its old parent still hangs
 * from that parent in production.
 */
final class SelfCascadeReplacements {
  /** Which of the keys staging has, in the snapshot being propagated. */
  @FunctionalInterface
  interface StagingRows {
    Set<String> existing(Set<String> keys) throws SQLException;
  }

  private final CascadeClosure cascades;
  private final TableMetadata productionTable;
  private final Connection production;

  SelfCascadeReplacements(
      CascadeClosure cascades, TableMetadata productionTable, Connection production) {
    this.cascades = cascades;
    this.productionTable = productionTable;
    this.production = production;
  }

  /**
   * @param replaced rows this table already replaces (deleted and inserted again in staging)
   * @param deleted rows production deletes after the upserts (deleted for good in staging)
   * @param desired staging's rows by key, for the keys the log mentions
   * @param staging looks up rows the log does not mention: a subcategory that staging kept because
   *     its parent was moved away before the delete, but that production's cascade takes along
   * @return rows to delete before any upsert and insert again, besides {@code replaced}
   */
  Set<String> find(
      Set<String> replaced,
      Set<String> deleted,
      Map<String, String> desired,
      TableChanges changes,
      StagingRows staging)
      throws SQLException {
    Set<String> replace = new HashSet<>();
    // Below a late delete, only rows created again in staging were cascaded there: a row that was
    // moved away survives, and its update runs before the delete.
    Set<String> frontier = new HashSet<>();
    for (String key : cascades.selfCascade(productionTable, deleted, production)) {
      if (desired.containsKey(key) && changes.wasCreated(key)) {
        frontier.add(key);
      }
    }
    frontier.addAll(replaced);
    // Below an early delete every row goes before the upserts: staging's must be inserted again.
    while (!frontier.isEmpty()) {
      replace.addAll(frontier);
      Set<String> reached = cascades.selfCascade(productionTable, frontier, production);
      reached.removeAll(replace);
      frontier = staging.existing(reached);
    }
    replace.removeAll(replaced);
    return replace;
  }
}
